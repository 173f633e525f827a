"""An article's path never chooses a file outside the library: not one a teammate's merged
database names ("/home/me/.ssh/id_rsa", "../secret.txt"), not one a shared folder's link
leads to. Such a file is never read into the app, an export or an update."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reader.core.records import new_annotation
from reader.library.article_files import ArticleError
from reader.library.folder import Library, inside
from reader.storage.database import Store
from tests.helpers.cli import run_reader
from tests.helpers.seeding import annotated_story

SECRET = "PRIVATE-KEY-MATERIAL do not share"
STORY = "Budget\n\nThe minister said the budget was final."


def _library_naming(tmp_path: Path, path: str) -> Path:
    """A library whose database names an article at `path` (as a merged file can), with an
    annotation on it, beside one ordinary article."""
    library = tmp_path / "library"
    library.mkdir()
    (library / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    store = Store(library / "reader.json")
    Library(library, store).scan()
    article = store.add_article(path=path, title="Innocent story", sha256="0" * 64).id
    store.save_annotation(new_annotation(article, SECRET, 0, 7, source="Bob"))
    store.close()
    return library


@pytest.mark.parametrize("named", ["absolute", "../secret.txt", "sub/../../secret.txt"])
def test_a_database_path_outside_the_library_is_never_read(tmp_path: Path, named: str) -> None:
    path = str(tmp_path / "secret.txt") if named == "absolute" else named
    library = _library_naming(tmp_path, path)
    store = Store(library / "reader.json")
    record = next(r for r in store.articles() if r.path == path)
    with pytest.raises(ArticleError, match="outside the library folder"):
        Library(library, store).load(record)
    store.close()
    for fmt, out in (("qdpx", "shared.qdpx"), ("w3c", "shared.json")):
        result = run_reader("export", "--library", str(library), "-f", fmt, "-o", out, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        exported = tmp_path / out
        if fmt == "qdpx":
            with zipfile.ZipFile(exported) as archive:
                held = b"".join(archive.read(name) for name in archive.namelist())
        else:
            held = exported.read_bytes()
        assert b"PRIVATE-KEY-MATERIAL" not in held
        assert str(tmp_path / "secret.txt").encode() not in held


def test_a_link_in_the_library_that_leads_outside_is_skipped_in_one_line(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (library / "story.txt").write_text(STORY, encoding="utf-8")
    (library / "looks-like-a-story.txt").symlink_to(tmp_path / "secret.txt")
    (library / "kept.txt").symlink_to(library / "story.txt")  # (inside: still read)
    store = Store(library / "reader.json")
    reading = Library(library, store)
    report = reading.scan()
    assert sorted(r.path for r in store.articles()) == ["kept.txt", "story.txt"]
    [said] = report.skipped
    assert "looks-like-a-story.txt" in said and "outside the library folder" in said
    assert "\n" not in said
    assert reading.scan().skipped == []  # (said once)
    store.close()


def test_inside_takes_only_paths_that_stay_in_the_folder(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert inside(tmp_path / "a", "story.txt") == tmp_path / "a" / "story.txt"
    assert inside(tmp_path / "a", "sub/story.txt") == tmp_path / "a" / "sub" / "story.txt"
    for path in ("", ".", "..", "../b.txt", "/etc/passwd", "a/../../b.txt", "x\x00.txt"):
        assert inside(tmp_path / "a", path) is None, path


def test_doctor_never_reads_a_file_outside_the_library_nor_stores_its_words(
    tmp_path: Path,
) -> None:
    """The doctor re-anchors an annotation whose offsets no longer fit its article: never
    into a file a link or a merged database's path leads to outside the library (its
    words were stored around the annotation, and exported with it)."""
    library = annotated_story(tmp_path / "library", STORY, [("The minister", 12, "Bob")])
    outside = tmp_path / "secret.txt"
    outside.write_text(
        "TOP SECRET line\n“The minister” he said. API_KEY=abc123\n", encoding="utf-8"
    )
    (library / "story.txt").unlink()
    (library / "story.txt").symlink_to(outside)

    result = run_reader("doctor", "--fix", "--library", str(library))

    assert "Traceback" not in result.stderr
    assert "outside the library folder" in result.stdout
    saved = (library / "reader.json").read_text(encoding="utf-8")
    assert "SECRET" not in saved and "API_KEY" not in saved
