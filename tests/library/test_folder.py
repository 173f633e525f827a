"""Keeping the database in line with the library folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.records import new_annotation
from reader.library.folder import Library
from reader.storage.database import Store


def scan(folder: Path) -> tuple[Library, Store]:
    store = Store(folder / "reader.json")
    library = Library(folder, store)
    library.scan()
    return library, store


def _rotate(folder: Path, *names: str) -> None:
    """Move each file to the next name, the last to the first (two names: a swap), as `mv`
    through a spare name does: each keeps its size and time."""
    folder.joinpath(names[-1]).rename(folder / "rotating.tmp")
    for source, target in zip(reversed(names[:-1]), reversed(names[1:]), strict=True):
        (folder / source).rename(folder / target)
    (folder / "rotating.tmp").rename(folder / names[0])


def _copied_then_deleted(folder: Path, store: Store, text: bytes) -> None:
    """A copy of a text scanned in, then deleted and scanned out: a missing record with
    nothing on it."""
    (folder / "copy.txt").write_bytes(text)
    Library(folder, store).scan()
    (folder / "copy.txt").unlink()
    Library(folder, store).scan()


def test_new_files_are_registered_with_titles(library: Path) -> None:
    _, store = scan(library)
    titles = sorted(r.title for r in store.articles())
    assert len(titles) == 4
    assert "Sensitive Canadian document found on rainy streets" in titles


def test_unreadable_files_are_skipped_with_a_reason(library: Path) -> None:
    (library / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    store = Store(library / "reader.json")
    report = Library(library, store).scan()
    assert len(store.articles()) == 4
    assert len(report.skipped) == 1 and "broken.txt: looks like a binary file" in report.skipped[0]


def test_a_file_whose_name_is_not_utf8_is_skipped_once_with_a_reason(library: Path) -> None:
    name = os.fsdecode(b"old-archive-\xe9t\xe9.txt")  # a Latin-1 name from an old zip
    (library / name).write_text("Summer\n\nA story.\n", encoding="utf-8")
    store = Store(library / "reader.json")
    folder = Library(library, store)
    report = folder.scan()
    assert len(store.articles()) == 4  # the others are read, and the database written
    [reason] = report.skipped
    assert "old-archive-\\xe9t\\xe9.txt: its name is not UTF-8 text; rename it" in reason
    assert folder.scan().skipped == []  # said once


def test_a_moved_file_keeps_its_id_and_annotations(library: Path) -> None:
    library_, store = scan(library)
    record = next(r for r in store.articles() if r.path == "ice-canada-offices.txt")
    text = library_.load(record).text
    store.save_annotation(new_annotation(record.id, text, 0, 10, source="X"))
    (library / "sub").mkdir()
    (library / "ice-canada-offices.txt").rename(library / "sub" / "ice.txt")
    report = Library(library, store).scan()
    assert [r.path for r in report.moved] == ["sub/ice.txt"]
    assert store.article(record.id).path == "sub/ice.txt"  # type: ignore[union-attr]
    assert store.annotation_count(record.id) == 1


def test_a_deleted_file_is_marked_missing_and_keeps_its_annotations(library: Path) -> None:
    library_, store = scan(library)
    record = next(r for r in store.articles() if r.path == "ice-canada-offices.txt")
    store.save_annotation(new_annotation(record.id, library_.load(record).text, 0, 10))
    (library / "ice-canada-offices.txt").unlink()
    report = Library(library, store).scan()
    assert [r.id for r in report.missing] == [record.id]
    assert store.article(record.id).missing  # type: ignore[union-attr]
    assert store.annotation_count(record.id) == 1


def test_an_edited_file_gets_its_new_title_and_hash(library: Path) -> None:
    _, store = scan(library)
    path = library / "ice-canada-offices.txt"
    path.write_text("A corrected headline\n\n" + path.read_text().split("\n\n", 1)[1])
    report = Library(library, store).scan()
    assert [r.title for r in report.changed] == ["A corrected headline"]


def test_unchanged_files_are_not_read_again(library: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, store = scan(library)
    import reader.library.folder as module

    def fail(path: Path) -> None:
        raise AssertionError(f"read {path} again")

    monkeypatch.setattr(module, "read_article", fail)
    assert not Library(library, store).scan().touched


def test_an_unreadable_file_is_reported_once_until_it_changes(library: Path) -> None:
    store = Store(library / "reader.json")
    shelf = Library(library, store)
    (library / "broken.txt").write_bytes(b"\x00\x01binary")
    assert len(shelf.scan().skipped) == 1
    assert shelf.scan().skipped == []
    (library / "broken.txt").write_text("Now a real article\n\nWith text.", encoding="utf-8")
    report = shelf.scan()
    assert [r.title for r in report.added] == ["Now a real article"]


def test_a_link_to_nothing_is_reported_once_and_nothing_new_after(library: Path) -> None:
    store = Store(library / "reader.json")
    shelf = Library(library, store)
    shelf.scan()
    (library / "dangling.txt").symlink_to(library / "gone.txt")
    assert len(shelf.scan().skipped) == 1
    assert shelf.scan().skipped == [] and not shelf._anything_new()
    (library / "gone.txt").write_text("Back now\n\nWith text.", encoding="utf-8")
    assert "Back now" in {r.title for r in shelf.scan().added}


def test_a_scan_with_nothing_new_takes_no_lock(library: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = Store(library / "reader.json")
    shelf = Library(library, store)
    shelf.scan()
    monkeypatch.setattr(store, "batch", lambda: (_ for _ in ()).throw(AssertionError("locked")))
    assert not shelf.scan().touched


def test_a_front_matters_site_author_and_address_are_stored_printable(tmp_path: Path) -> None:
    (tmp_path / "fm.md").write_text(
        '---\ntitle: "FM title"\nsite: "Site \x1b]52;c;Rk1T\x07 \x1b[2J"\n'
        'author: "Auth\x1b[2J"\nurl: "https://example.org/\x1b[2J"\n---\n\nSome text.\n',
        encoding="utf-8",
    )
    store = Store(tmp_path / "reader.json")
    Library(tmp_path, store).scan()
    (record,) = store.articles()
    for value in (record.site, record.author, record.url):
        assert value is not None and "\x1b" not in value and "\x07" not in value
    assert record.site == "Site" and record.url == "https://example.org/"


def test_a_scan_says_which_annotations_now_quote_other_words(tmp_path: Path) -> None:
    text = "Title\n\nThe inspector found no smoke alarm in the unit.\n\nAnother paragraph here."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    store = Store(tmp_path / "reader.json")
    shelf = Library(tmp_path, store)
    shelf.scan()
    (record,) = store.articles()
    start = text.index("no smoke")
    store.save_annotation(new_annotation(record.id, text, start, start + len("no smoke alarm")))
    moved_only = "Title\n\nA new first paragraph.\n\n" + text.split("\n\n", 1)[1]
    (tmp_path / "a.txt").write_text(moved_only, encoding="utf-8")
    report = shelf.scan()
    assert report.reanchored == 1 and report.reworded == []
    (tmp_path / "a.txt").write_text(moved_only.replace("no smoke", "no working smoke"), "utf-8")
    report = shelf.scan()
    assert [a.quote for a in report.reworded] == ["no working smoke alarm"]


def test_many_new_files_are_registered_together_in_one_change(library: Path) -> None:
    store = Store(library / "reader.json")
    folder = Library(library, store)
    folder.scan()
    changes: list[int] = []
    store.subscribe(lambda change: changes.append(len(change.articles)))
    for number in range(300):  # an archive unpacked into the library
        (library / f"brief-{number:03}.txt").write_text(f"Brief {number}\n\nWords.\n")
    report = folder.scan()
    assert len(report.added) == 300
    assert changes == [300]  # (one change a file: each sorted every article again)
    ids = [record.id for record in report.added]
    assert ids == list(range(ids[0], ids[0] + 300))
    assert sorted(r.title for r in store.articles())[:2] == ["Brief 0", "Brief 1"]


def test_a_file_whose_time_alone_changed_leaves_the_database_as_it_was(library: Path) -> None:
    """A clone or a pull gives every file a new time: the first `reader list` after it
    rewrote reader.json (each file's time, the generation), a change for git to commit
    where nothing had changed (a newcomer's finding). The time is noted on this machine,
    beside the database; the next scan reads nothing; a change of text is still saved."""
    _, store = scan(library)
    store.close()
    before = (library / "reader.json").read_bytes()
    for path in library.glob("*.txt"):
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 3600))
    store = Store(library / "reader.json")
    folder = Library(library, store)
    report = folder.scan()
    store.close()
    assert not report.touched and (library / "reader.json").read_bytes() == before
    assert (library / ".reader.json.stat").is_file()
    store = Store(library / "reader.json")
    again = Library(library, store)
    assert not again._anything_new()  # (a new process: the note on this machine is read)
    edited = next(library.glob("ice*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    assert again.scan().changed and store.articles()
    gone = next(library.glob("*warhol*.txt"))
    assert gone.name in (library / ".reader.json.stat").read_text(encoding="utf-8")
    gone.unlink()
    assert again.scan().missing  # (and this machine's record of it is forgotten)
    store.close()
    assert gone.name not in (library / ".reader.json.stat").read_text(encoding="utf-8")
    assert (library / "reader.json").read_bytes() != before


@pytest.mark.parametrize("held", ["{}", '{"other": {}}', "[]", '{"files": 3}', "\x00", "nan"])
def test_a_record_of_file_times_that_is_not_reader_s_is_no_record(library: Path, held: str) -> None:
    """`{}` in .reader.json.stat made every start a traceback (KeyError: 'files'; found by
    an attack): a record that is not one Reader wrote is taken as none."""
    _, store = scan(library)
    store.close()
    (library / ".reader.json.stat").write_text(held, encoding="utf-8")
    for path in library.glob("*.txt"):
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 60))
    store = Store(library / "reader.json")
    try:
        assert not Library(library, store).scan().touched
    finally:
        store.close()


def test_a_title_and_front_matter_of_megabytes_are_cut_when_the_library_is_read(
    tmp_path: Path,
) -> None:
    """A library file (synced, or from git) titled with 3 MB froze the app for 28 s and took
    900 MB: `reader add` cut titles, a scan did not (an attack's finding)."""
    from reader.library.folder import Library
    from reader.storage.database import Store

    huge = "word " * 600_000
    (tmp_path / "big.md").write_text(
        f'---\ntitle: "{huge}"\nauthor: "{huge}"\n---\n\n“This is a quote here,” Bob said.\n',
        encoding="utf-8",
    )
    (tmp_path / "heading.md").write_text(f"# {huge}\n\nText.\n", encoding="utf-8")
    store = Store(tmp_path / "reader.json")
    try:
        Library(tmp_path, store).scan()
        records = store.articles()
        assert len(records) == 2
        assert all(len(r.title) <= 1_000 and len(r.author or "") <= 1_000 for r in records)
    finally:
        store.close()


def test_a_text_changed_under_the_same_size_and_time_is_taken_in_when_read(
    library: Path,
) -> None:
    """`cp -p` of a corrected copy ("quite" -> "never"): a scan trusts size and time, so the
    article showed the new words and its annotations, and every export, the old (a
    tester's finding). Read to be shown, the text is compared by its hash."""
    folder, store = scan(library)
    path = next(library.glob("ice*.txt"))
    record = next(r for r in store.articles() if r.path == path.name)
    text = folder.load(record).text
    start = text.index("anything to worry")
    store.save_annotation(new_annotation(record.id, text, start, start + 17, source="Doug King"))
    before = path.stat()
    path.write_text(
        path.read_text(encoding="utf-8").replace("anything to worry", "anything to weary"),
        encoding="utf-8",
    )
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and not folder.scan().touched
    report = folder.text_read(record, folder.load(record))
    assert [r.id for r in report.changed] == [record.id]
    [annotation] = store.annotations_for(record.id)
    assert annotation.quote == "anything to weary" and report.reworded == [annotation]
    assert not folder.text_read(store.article(record.id), folder.load(record)).touched  # type: ignore[arg-type]
    store.close()
    # a read-only database: the text shows as it reads, nothing is saved (the open had
    # failed on the save, and the article pane stayed empty; an attack's finding)
    path.write_text(path.read_text(encoding="utf-8").replace("weary", "worry"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    (library / "reader.json").chmod(0o444)
    reading = Store(library / "reader.json")
    assert reading.read_only
    shown = Library(library, reading)
    again = reading.article(record.id)
    assert again is not None and not shown.text_read(again, shown.load(again)).touched


def _tag_first_words(library: Library, store: Store, path: str) -> int:
    record = next(r for r in store.articles() if r.path == path)
    store.save_annotation(new_annotation(record.id, library.load(record).text, 0, 12, source="X"))
    return record.id


def test_two_files_whose_names_were_swapped_keep_their_annotations(library: Path) -> None:
    # each file's text was read as an edit of the other's record: every annotation of both
    # was orphaned (an attack's finding); a file holding a record's text exactly is that
    # record, moved
    library_, store = scan(library)
    ice = _tag_first_words(library_, store, "ice-canada-offices.txt")
    rain = _tag_first_words(library_, store, "wikinews-canadian-document-rainy-street.txt")
    first, second = (
        library / "ice-canada-offices.txt",
        library / "wikinews-canadian-document-rainy-street.txt",
    )
    _rotate(library, first.name, second.name)
    report = Library(library, store).scan()
    assert sorted(r.path for r in report.moved) == sorted([first.name, second.name])
    assert report.orphaned == [] and report.changed == []
    assert store.article(ice).path == second.name  # type: ignore[union-attr]
    assert store.article(rain).path == first.name  # type: ignore[union-attr]
    assert not any(a.orphaned for a in store.annotations())
    assert len(store.articles()) == 4


def test_a_file_moved_over_another_is_that_article_and_the_other_is_missing(
    library: Path,
) -> None:
    library_, store = scan(library)
    ice = _tag_first_words(library_, store, "ice-canada-offices.txt")
    rain = _tag_first_words(library_, store, "wikinews-canadian-document-rainy-street.txt")
    (library / "ice-canada-offices.txt").replace(
        library / "wikinews-canadian-document-rainy-street.txt"
    )
    report = Library(library, store).scan()
    assert store.article(ice).path == "wikinews-canadian-document-rainy-street.txt"  # type: ignore[union-attr]
    assert store.article(rain).missing  # type: ignore[union-attr]
    assert report.orphaned == [] and not any(a.orphaned for a in store.annotations())
    assert store.annotation_count(rain) == 1  # kept, with the article it quotes missing


def test_an_article_moved_over_another_stays_itself_at_the_next_scans(library: Path) -> None:
    # the other article, missing at the same name, was taken for the file's record at the
    # next scan: the moved text was read as its edit, its annotations on another's words
    library_, store = scan(library)
    ice = _tag_first_words(library_, store, "ice-canada-offices.txt")
    rain = _tag_first_words(library_, store, "wikinews-canadian-document-rainy-street.txt")
    quotes = {a.id: a.quote for a in store.annotations()}
    (library / "ice-canada-offices.txt").replace(
        library / "wikinews-canadian-document-rainy-street.txt"
    )
    for _ in range(3):
        report = Library(library, store).scan()
        assert report.changed == [] and report.orphaned == []
    assert {a.id: a.quote for a in store.annotations()} == quotes
    assert store.article(ice).path == "wikinews-canadian-document-rainy-street.txt"  # type: ignore[union-attr]
    assert store.article(rain).missing  # type: ignore[union-attr]


def test_an_edited_file_keeps_its_annotations_beside_a_copy_made_before(library: Path) -> None:
    # `cp a.txt a-orig.txt`, then an edit of a.txt: the annotations had moved to the copy
    library_, store = scan(library)
    ice = _tag_first_words(library_, store, "ice-canada-offices.txt")
    original = library / "ice-canada-offices.txt"
    (library / "ice-original.txt").write_bytes(original.read_bytes())
    original.write_text(original.read_text(encoding="utf-8") + "\nA line added.\n", "utf-8")
    report = Library(library, store).scan()
    assert [r.id for r in report.changed] == [ice] and report.moved == []
    assert store.article(ice).path == "ice-canada-offices.txt"  # type: ignore[union-attr]
    assert store.annotation_count(ice) == 1 and not any(a.orphaned for a in store.annotations())


def test_a_file_renamed_with_a_new_one_put_at_its_name_takes_its_annotations(
    library: Path,
) -> None:
    library_, store = scan(library)
    ice = _tag_first_words(library_, store, "ice-canada-offices.txt")
    (library / "ice-canada-offices.txt").rename(library / "ice.txt")  # (the time kept)
    (library / "ice-canada-offices.txt").write_text("Another story\n\nNew words.\n", "utf-8")
    report = Library(library, store).scan()
    assert [r.id for r in report.moved] == [ice] and report.orphaned == []
    assert store.article(ice).path == "ice.txt"  # type: ignore[union-attr]
    assert len(store.articles()) == 5


def test_names_swapped_under_the_same_size_and_time_are_found_when_read(tmp_path: Path) -> None:
    # a scan trusts size and time; the look at an opened article's text took the swap for
    # two edits, and each article's annotations went onto the other's words
    for name, words in (("a.txt", "water"), ("b.txt", "roads")):
        (tmp_path / name).write_text(f"Story\n\nWe will fix the {words} problem.\n", "utf-8")
        os.utime(tmp_path / name, (1_700_000_000, 1_700_000_000))
    library_, store = scan(tmp_path)
    a = _tag_first_words(library_, store, "a.txt")
    b = _tag_first_words(library_, store, "b.txt")
    _rotate(tmp_path, "a.txt", "b.txt")
    library_ = Library(tmp_path, store)
    assert library_.scan().moved == []  # (sizes and times alike: not read)
    record = store.article(a)
    assert record is not None
    report = library_.text_read(record, library_.load(record))
    assert report.changed == [] and sorted(r.id for r in report.moved) == sorted([a, b])
    assert store.article(a).path == "b.txt" and store.article(b).path == "a.txt"  # type: ignore[union-attr]
    assert not any(x.orphaned for x in store.annotations())


def test_a_file_put_back_at_its_name_after_another_was_moved_over_it_is_itself(
    library: Path,
) -> None:
    # moved over, the moved one deleted, then the first put back: its text was read as an
    # edit of the moved article, whose annotations went onto it (an attack's finding)
    library_, store = scan(library)
    ice = _tag_first_words(library_, store, "ice-canada-offices.txt")
    rain = _tag_first_words(library_, store, "wikinews-canadian-document-rainy-street.txt")
    target = library / "wikinews-canadian-document-rainy-street.txt"
    kept = target.read_bytes()
    quotes = {a.id: (a.article_id, a.quote) for a in store.annotations()}
    (library / "ice-canada-offices.txt").replace(target)
    Library(library, store).scan()
    target.unlink()
    Library(library, store).scan()
    target.write_bytes(kept)
    report = Library(library, store).scan()
    assert report.changed == [] and report.orphaned == []
    assert not store.article(rain).missing and store.article(ice).missing  # type: ignore[union-attr]
    assert {a.id: (a.article_id, a.quote) for a in store.annotations()} == quotes


def test_a_rotation_under_the_same_sizes_and_times_is_found_whole_when_read(
    tmp_path: Path,
) -> None:
    # three files' names rotated, sizes and times alike: reading only the opened file and
    # the one holding its text left the third trusted, and an article lost its annotations
    for name, words in (("a.txt", "water"), ("b.txt", "roads"), ("c.txt", "parks")):
        (tmp_path / name).write_text(f"Story\n\nWe will fix the {words} problem.\n", "utf-8")
        os.utime(tmp_path / name, (1_700_000_000, 1_700_000_000))
    library_, store = scan(tmp_path)
    ids = {name: _tag_first_words(library_, store, name) for name in ("a.txt", "b.txt", "c.txt")}
    _rotate(tmp_path, "a.txt", "b.txt", "c.txt")
    library_ = Library(tmp_path, store)
    record = store.article(ids["a.txt"])
    assert record is not None
    library_.text_read(record, library_.load(record))
    where = {name: store.article(i).path for name, i in ids.items()}  # type: ignore[union-attr]
    assert where == {"a.txt": "b.txt", "b.txt": "c.txt", "c.txt": "a.txt"}
    assert not any(r.missing for r in store.articles()) and len(store.articles()) == 3
    assert not any(x.orphaned for x in store.annotations())


def _four(
    tmp_path: Path, *, same_time: bool = False
) -> tuple[Store, dict[str, int], dict[str, bytes]]:
    """Four look-alike stories, each with an annotation on its own words (re-anchored onto
    another's, a quote would land on look-alike words: what the attacks looked for)."""
    texts = {}
    for name in ("alpha", "bravo", "charl", "delta"):
        text = f"{name.title()} story\n\nCouncil met.\n\n“The {name.title()} plan works,” said X.\n"
        (tmp_path / f"{name}.txt").write_text(text, "utf-8")
        texts[f"{name}.txt"] = text.encode()
        if same_time:
            os.utime(tmp_path / f"{name}.txt", (1_700_000_000, 1_700_000_000))
    library_, store = scan(tmp_path)
    ids = {path: _tag_first_words(library_, store, path) for path in texts}
    return store, ids, texts


def _on_own_words(store: Store, ids: dict[str, int], texts: dict[str, bytes]) -> bool:
    owner = {i: name for name, i in ids.items()}
    return all(
        a.quote in texts[owner[a.article_id]].decode() and not a.orphaned
        for a in store.annotations()
    )


def test_a_text_put_back_at_its_name_after_a_move_over_it_leaves_the_moved_one_missing(
    tmp_path: Path,
) -> None:
    store, ids, texts = _four(tmp_path)
    (tmp_path / "alpha.txt").replace(tmp_path / "bravo.txt")
    Library(tmp_path, store).scan()
    (tmp_path / "bravo.txt").write_bytes(texts["bravo.txt"])
    Library(tmp_path, store).scan()
    assert store.article(ids["alpha.txt"]).missing  # type: ignore[union-attr]
    assert not store.article(ids["bravo.txt"]).missing  # type: ignore[union-attr]
    assert _on_own_words(store, ids, texts)


def test_an_article_put_back_to_its_text_a_copy_kept_is_read_as_an_edit(tmp_path: Path) -> None:
    # a copy kept, the article edited, then put back to its first text: it was left missing
    # behind a new duplicate of itself (taken for a copy laid over it: an attack's finding)
    store, ids, texts = _four(tmp_path)
    (tmp_path / "keep.txt").write_bytes(texts["alpha.txt"])
    Library(tmp_path, store).scan()
    with (tmp_path / "alpha.txt").open("ab") as handle:
        handle.write(b"A new closing line.\n")
    Library(tmp_path, store).scan()
    (tmp_path / "alpha.txt").write_bytes(texts["alpha.txt"])
    Library(tmp_path, store).scan()
    assert not store.article(ids["alpha.txt"]).missing  # type: ignore[union-attr]
    assert len(store.articles()) == 5 and _on_own_words(store, ids, texts)


def test_a_text_put_back_at_its_name_and_copied_beside_stays_there(tmp_path: Path) -> None:
    # put back after a move over it, and copied to a new name too: it was moved on to the
    # copy, and the next scan read its old name as the moved article's edit
    store, ids, texts = _four(tmp_path)
    (tmp_path / "alpha.txt").replace(tmp_path / "bravo.txt")
    Library(tmp_path, store).scan()
    (tmp_path / "bravo.txt").write_bytes(texts["bravo.txt"])
    (tmp_path / "new1.txt").write_bytes(texts["bravo.txt"])
    for _ in range(2):
        Library(tmp_path, store).scan()
    assert store.article(ids["bravo.txt"]).path == "bravo.txt"  # type: ignore[union-attr]
    assert _on_own_words(store, ids, texts)


def test_names_shifted_down_under_the_same_times_are_all_followed(tmp_path: Path) -> None:
    store, ids, texts = _four(tmp_path, same_time=True)
    (tmp_path / "alpha.txt").rename(tmp_path / "new1.txt")
    (tmp_path / "bravo.txt").rename(tmp_path / "alpha.txt")
    (tmp_path / "charl.txt").rename(tmp_path / "bravo.txt")
    for name in ("alpha.txt", "bravo.txt", "new1.txt"):
        os.utime(tmp_path / name, (1_700_000_000, 1_700_000_000))
    Library(tmp_path, store).scan()
    where = {name: store.article(i).path for name, i in ids.items()}  # type: ignore[union-attr]
    assert where["alpha.txt"] == "new1.txt" and where["bravo.txt"] == "alpha.txt"
    assert where["charl.txt"] == "bravo.txt" and _on_own_words(store, ids, texts)


def test_a_text_goes_to_the_annotated_article_not_a_copy_deleted_before(tmp_path: Path) -> None:
    store, ids, texts = _four(tmp_path)
    _copied_then_deleted(tmp_path, store, texts["charl.txt"])
    _rotate(tmp_path, "alpha.txt", "charl.txt")
    Library(tmp_path, store).scan()
    assert store.article(ids["charl.txt"]).path == "alpha.txt"  # type: ignore[union-attr]
    assert not store.article(ids["charl.txt"]).missing  # type: ignore[union-attr]
    assert _on_own_words(store, ids, texts)


def test_a_text_moved_onto_a_name_trusted_by_size_and_time_is_found_at_once(
    tmp_path: Path,
) -> None:
    store, ids, texts = _four(tmp_path, same_time=True)
    (tmp_path / "delta.txt").rename(tmp_path / "new1.txt")
    (tmp_path / "alpha.txt").rename(tmp_path / "x")
    (tmp_path / "new1.txt").rename(tmp_path / "alpha.txt")
    (tmp_path / "x").rename(tmp_path / "new1.txt")
    Library(tmp_path, store).scan()
    assert store.article(ids["alpha.txt"]).path == "new1.txt"  # type: ignore[union-attr]
    assert store.article(ids["delta.txt"]).path == "alpha.txt"  # type: ignore[union-attr]
    assert len(store.articles()) == 4 and _on_own_words(store, ids, texts)


def test_an_edit_undone_beside_a_copy_deleted_long_ago_stays_the_article(tmp_path: Path) -> None:
    # the deleted copy (nothing on it) came back at the article's name, and the article,
    # with its annotations, was left missing (an attack's finding)
    store, ids, texts = _four(tmp_path)
    _copied_then_deleted(tmp_path, store, texts["alpha.txt"])
    with (tmp_path / "alpha.txt").open("ab") as handle:
        handle.write(b"A new closing line.\n")
    Library(tmp_path, store).scan()
    (tmp_path / "alpha.txt").write_bytes(texts["alpha.txt"])
    Library(tmp_path, store).scan()
    assert store.article(ids["alpha.txt"]).path == "alpha.txt"  # type: ignore[union-attr]
    assert not store.article(ids["alpha.txt"]).missing  # type: ignore[union-attr]
    assert _on_own_words(store, ids, texts)


def test_a_move_over_missed_by_size_and_time_is_found_when_the_file_is_opened(
    tmp_path: Path,
) -> None:
    # the moved article, marked missing by a scan that trusted the other's file, then found
    # at its name when that article was opened: its text was read as the other's edit
    store, ids, texts = _four(tmp_path, same_time=True)
    (tmp_path / "alpha.txt").replace(tmp_path / "bravo.txt")
    os.utime(tmp_path / "bravo.txt", (1_700_000_000, 1_700_000_000))
    library_ = Library(tmp_path, store)
    library_.scan()
    record = store.article(ids["bravo.txt"])
    assert record is not None
    report = library_.text_read(record, library_.load(record))
    assert report.changed == []
    assert store.article(ids["alpha.txt"]).path == "bravo.txt"  # type: ignore[union-attr]
    assert store.article(ids["bravo.txt"]).missing  # type: ignore[union-attr]
    assert _on_own_words(store, ids, texts)
