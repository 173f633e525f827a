"""A REFI-QDA project imports on its own: the sources' texts it carries become articles of
a library that lacks them, named by Reader, never where the file says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.storage.database import Store
from tests.helpers.cli import run_reader
from tests.interchange.test_import_hostile import qdpx


def _annotations(folder: Path) -> list[tuple[str, str]]:
    store = Store(folder / "reader.json", backups=False)
    try:
        texts = {r.id: store.article(r.id) for r in store.articles()}
        assert all(texts.values())
        return sorted((a.quote, a.source or "") for a in store.annotations() if not a.orphaned)
    finally:
        store.close()


def test_a_project_imported_into_an_empty_library_brings_its_articles(
    tagged_library: Path, tmp_path: Path
) -> None:
    # "imported 0 annotations … 4 not imported, their article not in the library", exit
    # 1, though the .qdpx holds every article's text (a research team's first week)
    project = tmp_path / "project.qdpx"
    exported = run_reader(
        "export", "-f", "qdpx", "-o", str(project), "--library", str(tagged_library)
    )
    assert exported.returncode == 0, exported.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    first = run_reader("import", str(project), "--json", "--library", str(empty))
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["imported"] == 2 and summary["not_placed"] == []
    assert summary["articles_copied"] == [
        "ice-actions-in-u-s-prompt-questions-about-role-in-canada-with-officers.txt"
    ]
    assert _annotations(empty) == _annotations(tagged_library)
    again = run_reader("import", str(project), "--json", "--library", str(empty))
    assert json.loads(again.stdout)["articles_copied"] == []  # (the text is there: no copy)
    assert sorted(p.name for p in empty.iterdir() if p.suffix == ".txt") == [
        "ice-actions-in-u-s-prompt-questions-about-role-in-canada-with-officers.txt"
    ]


PROJECT = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>{sources}</Sources></Project>"""


def _source(number: int, name: str) -> str:
    return (
        f'<TextSource guid="00000000-0000-4000-8000-{number:012d}" name="{name}">'
        f"<PlainTextContent>Story {number}\n\nA council met on Tuesday.</PlainTextContent>"
        "</TextSource>"
    )


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("../../outside/secret", "outside-secret.txt"),
        ("/etc/passwd", "etc-passwd.txt"),
        ("CON", "con-article.txt"),
        ("reader.json", "reader-json.txt"),
        ("", "article.txt"),
    ],
)
def test_a_sources_name_never_chooses_where_its_text_is_written(
    tmp_path: Path, name: str, written: str
) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    project = tmp_path / "p.qdpx"
    project.write_bytes(qdpx({"project.qde": PROJECT.format(sources=_source(1, name)).encode()}))
    result = run_reader("import", str(project), "--json", "--library", str(library))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles_copied"] == [written]
    assert sorted(p.name for p in library.iterdir() if not p.name.startswith(".")) == sorted(
        [written, "reader.json"]
    )
    assert not (tmp_path / "outside").exists()


def test_a_project_carrying_thousands_of_articles_is_refused_before_one_is_written(
    tmp_path: Path,
) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    sources = "".join(_source(n, f"story {n}") for n in range(5001))
    project = tmp_path / "p.qdpx"
    project.write_bytes(qdpx({"project.qde": PROJECT.format(sources=sources).encode()}))
    result = run_reader("import", str(project), "--library", str(library))
    assert result.returncode == 1
    assert "carries 5,001 articles this library lacks" in result.stderr
    assert [p for p in library.iterdir() if p.suffix == ".txt"] == []


@pytest.mark.parametrize("fmt", ["qdpx", "json"])
def test_a_codebook_set_up_first_travels_with_the_whole_librarys_export(
    tagged_library: Path, tmp_path: Path, fmt: str
) -> None:
    # codes no annotation used yet were left out of every export, so a study's codebook
    # could not go to a teammate or a QDA tool with it (a research team's first week)
    from reader.storage.database import Store

    store = Store(tagged_library / "reader.json")
    store.add_to_codebook("theme", "housing")
    store.add_to_codebook("theme", "policing/oversight/complaints")
    store.add_to_codebook("source", "Amélie Côté")
    store.close()
    out = tmp_path / f"all.{fmt}"
    run_reader("export", "-f", fmt, "-o", str(out), "--library", str(tagged_library))
    other = tmp_path / "other"
    other.mkdir()
    (other / "ice.txt").write_text((tagged_library / "ice-canada-offices.txt").read_text())
    store = Store(other / "reader.json")
    store.add_to_codebook("source", "Amelie Cote")  # (a twin: not added beside it)
    store.close()
    result = run_reader("import", str(out), "--json", "--library", str(other))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["codebook_added"] >= 1
    store = Store(other / "reader.json", backups=False)
    try:
        themes = {t.name for t in store.themes()}
        assert {"housing", "policing/oversight/complaints"} <= themes
        # (a nested theme's path is no theme of its own: "policing" had been added, and
        # taken the quick keys of the real ones, an attack on the mend)
        assert not {"policing", "policing/oversight"} & themes
        assert [s.name for s in store.sources() if s.name.startswith("Am")] == ["Amelie Cote"]
    finally:
        store.close()


def _sources(*named: tuple[str, str]) -> bytes:
    """A project of sources (name, text), each with one selection of its first 9 letters."""
    parts = []
    for number, (name, text) in enumerate(named):
        guid = f"00000000-0000-4000-8000-{number:012d}"
        parts.append(
            f'<TextSource guid="{guid}" name="{name}"><PlainTextContent>{text}</PlainTextContent>'
            f'<PlainTextSelection guid="1{guid[1:]}" name="{text[:9]}" startPosition="0" '
            'endPosition="9"/></TextSource>'
        )
    return qdpx({"project.qde": PROJECT.format(sources="".join(parts)).encode()})


def test_sources_of_one_name_past_a_hundred_are_written_under_their_texts_hash(
    tmp_path: Path,
) -> None:
    # 1,200 sources named "x": 999 were written, and the rest of their annotations went by
    # title onto x.txt, their quotes rewritten to its words (an attack on the mend)
    library = tmp_path / "lib"
    library.mkdir()
    project = tmp_path / "p.qdpx"
    project.write_bytes(_sources(*(("x", f"Story {n} of the council.") for n in range(105))))
    result = run_reader("import", str(project), "--json", "--library", str(library))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["imported"] == 105 and len(summary["articles_copied"]) == 105
    assert sorted(q for q, _ in _annotations(library)) == sorted(
        f"Story {n} of the council."[:9] for n in range(105)
    )


def test_a_text_that_cannot_be_written_imports_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a text not written (a full disk, a read-only folder) left its annotations to be
    # placed by title on the library's article of that name, their quote rewritten to its
    # words, exit 0 (an attack on the mend)
    from reader.interchange import carried_articles
    from reader.interchange.fields import ImportFileError
    from reader.interchange.qdpx import from_qdpx
    from reader.library.folder import Library

    library = tmp_path / "lib"
    library.mkdir()
    writes: list[str] = []
    real = carried_articles.write_new

    def full_after_one(folder: Path, parts: tuple[str, ...], data: bytes) -> bool:
        writes.append(parts[-1])
        return len(writes) == 1 and real(folder, parts, data)

    monkeypatch.setattr(carried_articles, "write_new", full_after_one)
    incoming = from_qdpx(_sources(("homes", "We will build 600 homes."), ("roads", "Roads.")), "p")
    store = Store(library / "reader.json")
    try:
        with pytest.raises(ImportFileError, match="cannot be written into the library"):
            carried_articles.add_carried_articles(incoming.texts, Library(library, store), "p")
    finally:
        store.close()
    assert len(writes) == 2
    assert [p.name for p in library.iterdir() if p.suffix == ".txt"] == []  # (taken back)


def test_a_text_the_library_has_under_other_white_space_is_not_written_again(
    tmp_path: Path,
) -> None:
    # homes.txt ending in a line break, the project's text without it (a QDA tool trims it):
    # homes-2.txt was written and the annotation put there (an attack on the mend)
    library = tmp_path / "lib"
    library.mkdir()
    (library / "homes.txt").write_text("Homes plan\n\nWe will build 600 homes.  \n\n", "utf-8")
    project = tmp_path / "p.qdpx"
    project.write_bytes(_sources(("homes", "Homes plan\n\nWe will build 600 homes.")))
    result = run_reader("import", str(project), "--json", "--library", str(library))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles_copied"] == []
    assert sorted(p.name for p in library.iterdir() if p.suffix == ".txt") == ["homes.txt"]
    assert _annotations(library) == [("Homes pla", "")]


def test_a_text_a_project_carries_twice_under_other_end_white_space_is_written_once(
    tmp_path: Path,
) -> None:
    # two sources whose texts differ only by their end were written as gamma.txt and
    # gamma-2.txt, the coding split between them (an attack on the mend)
    library = tmp_path / "lib"
    library.mkdir()
    project = tmp_path / "p.qdpx"
    project.write_bytes(_sources(("gamma", "Gamma story told."), ("gamma", "Gamma story told.\n")))
    result = run_reader("import", str(project), "--json", "--library", str(library))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles_copied"] == ["gamma.txt"]
    assert _annotations(library) == [("Gamma sto", ""), ("Gamma sto", "")]


def test_texts_written_for_an_import_that_fails_are_taken_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the texts were written before the annotations were saved: a save that failed left
    # them in the library (read from the code by an attack on the mend)
    from reader.cli.import_annotations import run_import
    from reader.core.paths import Locations
    from reader.interchange import importing

    def failing(*args: object, **kwargs: object) -> None:
        raise OSError("the disk is full")

    monkeypatch.setattr(importing, "import_incoming", failing)
    library = tmp_path / "lib"
    library.mkdir()
    project = tmp_path / "p.qdpx"
    project.write_bytes(_sources(("homes", "We will build 600 homes.")))
    with pytest.raises(OSError, match="disk is full"):
        run_import(Locations(library, library / "reader.json"), str(project), "qdpx", False)
    assert [p.name for p in library.iterdir() if p.suffix == ".txt"] == []
