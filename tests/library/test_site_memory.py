"""What the library remembers of each site: block hashes, and text seen on other pages."""

from __future__ import annotations

import json
from pathlib import Path

from reader.library.site_memory import FOLDER_NAME, SiteMemory, line_hash, site_of

FOOTER = "Harbour Times is owned by its readers and answers to nobody else in town."


def test_text_on_other_pages_of_the_site_is_counted(tmp_path: Path) -> None:
    memory = SiteMemory(tmp_path / FOLDER_NAME)
    memory.remember("https://www.harbour.example/a", ["The bridge opens.", FOOTER])
    memory.remember("https://harbour.example/b", ["The ferry stops.", FOOTER])
    memory.remember("https://other.example/c", ["Elsewhere.", FOOTER])
    seen = memory.seen_elsewhere("https://harbour.example/new")
    assert seen(FOOTER) == 2  # other sites do not count
    assert seen("  harbour times IS owned by its readers and answers to nobody else in town. ") == 2
    assert seen("The bridge opens.") == 1
    assert seen("A new story.") == 0


def test_a_page_does_not_count_as_its_own_evidence(tmp_path: Path) -> None:
    memory = SiteMemory(tmp_path / FOLDER_NAME)
    memory.remember("https://harbour.example/a", [FOOTER])
    memory.remember("https://harbour.example/a", [FOOTER])  # fetched again: replaced
    assert memory.seen_elsewhere("https://harbour.example/a")(FOOTER) == 0
    assert memory.seen_elsewhere("https://harbour.example/b")(FOOTER) == 1


def test_the_memory_is_kept_in_the_library_as_hashes_only(tmp_path: Path) -> None:
    folder = tmp_path / FOLDER_NAME
    SiteMemory(folder).remember("https://harbour.example/a", [FOOTER])
    [file] = folder.iterdir()
    assert file.name == "harbour.example.json"
    assert "owned by its readers" not in file.read_text(encoding="utf-8")
    assert SiteMemory(folder).seen_elsewhere("https://harbour.example/b")(FOOTER) == 1


def test_an_unreadable_memory_is_started_again(tmp_path: Path) -> None:
    folder = tmp_path / FOLDER_NAME
    folder.mkdir()
    (folder / "harbour.example.json").write_text("{not json", encoding="utf-8")
    memory = SiteMemory(folder)
    assert memory.seen_elsewhere("https://harbour.example/b")(FOOTER) == 0
    memory.remember("https://harbour.example/a", [FOOTER])
    data = json.loads((folder / "harbour.example.json").read_text(encoding="utf-8"))
    assert list(data["pages"]) == ["https://harbour.example/a"]


def test_sites_are_host_names_without_www() -> None:
    assert site_of("https://WWW.BBC.co.uk/news/1") == "bbc.co.uk"
    assert site_of("http://news.bbc.co.uk/x") == "news.bbc.co.uk"


def test_a_version_of_the_same_story_is_not_another_page(tmp_path: Path) -> None:
    memory = SiteMemory(tmp_path / FOLDER_NAME)
    story = ["The bridge opens.", "The mayor cuts the ribbon.", "Crowds cheer.", FOOTER]
    memory.remember("https://harbour.example/bridge?utm=feed", story)
    memory.remember("https://harbour.example/ferry", ["The ferry stops.", FOOTER])
    seen = memory.seen_elsewhere("https://harbour.example/bridge", [*story, "Updated at 5pm."])
    assert seen("The mayor cuts the ribbon.") == 0  # the same story at another address
    assert seen(FOOTER) == 1  # the ferry story is another page


def test_a_memory_folder_that_is_a_link_is_neither_written_nor_read(tmp_path: Path) -> None:
    # A synced or cloned library can carry `.reader-sites` as a link to any folder: adding
    # a page of harbour.example replaced that folder's harbour.example.json, a name the
    # network chose. Like a linked `.reader-backups`, the folder is not used.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    precious = elsewhere / "harbour.example.json"
    kept = {"site": "harbour.example", "pages": {"https://harbour.example/x": [line_hash(FOOTER)]}}
    precious.write_text(json.dumps(kept), encoding="utf-8")
    before = precious.read_bytes()
    library = tmp_path / "library"
    library.mkdir()
    (library / FOLDER_NAME).symlink_to(elsewhere, target_is_directory=True)
    memory = SiteMemory(library / FOLDER_NAME)
    assert memory.seen_elsewhere("https://harbour.example/b")(FOOTER) == 0
    memory.remember("https://harbour.example/a", [FOOTER])
    assert precious.read_bytes() == before
    assert sorted(p.name for p in elsewhere.iterdir()) == ["harbour.example.json"]
    assert memory.seen_elsewhere("https://harbour.example/b")(FOOTER) == 1  # (in memory)
