"""Files that are not what they claim: a pipe, a device, an endless stream, where Reader
expects an article, a database, a list of feeds or standard input. Each is refused in one
line, at once, without reading it (a pipe would block for ever, /dev/zero never ends)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.annotations import index_file
from tests.helpers.cli import run_reader

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes are POSIX")


def _library(tmp_path: Path) -> Path:
    library = tmp_path / "library"
    library.mkdir()
    (library / "story.txt").write_text("A story\n\nIt happened.\n", encoding="utf-8")
    return library


def _one_line_refusal(result, name: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    said = result.stderr + result.stdout  # (`doctor` reports its findings on stdout)
    assert [line for line in said.splitlines() if name in line], said


def test_a_pipe_or_a_device_among_the_articles_is_skipped_not_read(tmp_path: Path) -> None:
    library = _library(tmp_path)
    os.mkfifo(library / "pipe.txt")
    (library / "zero.txt").symlink_to("/dev/zero")
    result = run_reader("list", "--library", str(library))
    assert result.returncode == 0, result.stderr
    assert "A story" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_database_that_is_a_device_or_a_pipe_is_refused(tmp_path: Path) -> None:
    library = _library(tmp_path)
    (library / "reader.json").symlink_to("/dev/zero")
    # (named as the link resolves: the file Reader was asked to read)
    _one_line_refusal(run_reader("list", "--library", str(library)), "/dev/zero")
    _one_line_refusal(run_reader("doctor", "--library", str(library)), "/dev/zero")
    os.mkfifo(library / "other.json")
    _one_line_refusal(
        run_reader("list", "--library", str(library), "--db", str(library / "other.json")),
        "other.json",
    )


def test_adding_a_pipe_a_folder_or_too_much_standard_input_is_refused(tmp_path: Path) -> None:
    library = _library(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    _one_line_refusal(
        run_reader("add", str(tmp_path / "pipe.txt"), "--library", str(library)), "pipe.txt"
    )
    (tmp_path / "folder.txt").mkdir()
    result = run_reader("add", str(tmp_path / "folder.txt"), "--library", str(library))
    _one_line_refusal(result, "folder.txt")
    assert "folder" in result.stderr
    big = "A big story\n\n" + "word " * (11 * 1024 * 1024 // 5)
    result = run_reader("add", "-", "--library", str(library), stdin=big)
    _one_line_refusal(result, "standard input")
    assert not list(library.glob("a-big-story*"))


def test_a_list_of_feeds_that_is_a_pipe_is_refused(tmp_path: Path) -> None:
    library = _library(tmp_path)
    os.mkfifo(tmp_path / "feeds.opml")
    result = run_reader(
        "follow", "--import", str(tmp_path / "feeds.opml"), "--library", str(library)
    )
    _one_line_refusal(result, "feeds.opml")


def test_a_database_nested_too_deep_is_refused_by_every_command(tmp_path: Path) -> None:
    library = _library(tmp_path)
    depth = 100_000
    (library / "reader.json").write_text('{"meta":' + "[" * depth + "]" * depth + "}")
    for command in (["list"], ["search", "x"], ["stats"]):
        result = run_reader(*command, "--library", str(library))
        _one_line_refusal(result, "reader.json")


def test_a_database_saved_with_a_byte_order_mark_opens(tmp_path: Path) -> None:
    library = _library(tmp_path)
    assert run_reader("list", "--library", str(library)).returncode == 0  # makes reader.json
    db = library / "reader.json"
    db.write_bytes(b"\xef\xbb\xbf" + db.read_bytes())  # as Notepad saves it
    result = run_reader("list", "--library", str(library))
    assert result.returncode == 0, result.stderr
    assert "A story" in result.stdout


def test_escape_sequences_in_a_page_leave_nothing_of_themselves(tmp_path: Path) -> None:
    library = _library(tmp_path)
    body = "The council met on Monday to discuss the budget for next year and the roads. " * 10
    page = tmp_path / "page.html"
    page.write_bytes(
        b"<html><head><title>\x1b]0;PWN\x07 \x1bPq#0;2PWN\x1b\\\x1b[31mRed\x1b[0m Headline</title>"
        + f"</head><body><article><p>{body}\x1b_APC PWN\x1b\\</p></article></body></html>".encode()
    )
    result = run_reader("add", str(page), "--library", str(library))
    assert result.returncode == 0, result.stderr
    assert "added: Red Headline" in result.stdout and "PWN" not in result.stdout
    assert (library / "red-headline.md").exists()
    assert "PWN" not in (library / "red-headline.md").read_text(encoding="utf-8")  # DCS, APC


def test_article_fields_of_the_wrong_type_are_taken_as_absent(tmp_path: Path) -> None:
    # From a teammate's merged file: each of these stopped the app at start or the search.
    import json

    from reader.storage.database import Store

    library = _library(tmp_path)
    assert run_reader("list", "--library", str(library)).returncode == 0
    db = library / "reader.json"
    data = json.loads(db.read_text())
    record = next(iter(data["articles"].values()))
    record.update({"published": 12345, "site": [1], "missing": "yes", "added": 7, "url": 5})
    db.write_text(json.dumps(data))
    (article,) = Store(db).articles()  # as the app opens it, before any scan mends it
    assert (article.published, article.site, article.missing, article.url, article.added) == (
        None,
        None,
        False,
        None,
        "",
    )
    for command in (["search", "story"], ["list"]):
        result = run_reader(*command, "--library", str(library))
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr


@pytest.mark.parametrize("schema", [0, -3])
def test_a_schema_no_reader_wrote_is_refused_in_one_line(tmp_path: Path, schema: int) -> None:
    import json

    library = _library(tmp_path)
    assert run_reader("list", "--library", str(library)).returncode == 0
    db = library / "reader.json"
    data = json.loads(db.read_text())
    next(iter(data["meta"].values()))["schema"] = schema
    db.write_text(json.dumps(data))
    for command in (["list"], ["doctor", "--fix"]):
        result = run_reader(*command, "--library", str(library))
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode != 0 or "schema" in result.stdout
    assert json.loads(db.read_text())["meta"] == data["meta"]  # nothing rewritten


def test_a_pipe_as_an_import_a_keymap_or_a_config_waits_for_no_one(tmp_path: Path) -> None:
    import os as _os

    library = _library(tmp_path)
    os.mkfifo(tmp_path / "notes.json")
    result = run_reader("import", str(tmp_path / "notes.json"), "--library", str(library))
    _one_line_refusal(result, "notes.json")
    config = tmp_path / "config"
    (config / "reader").mkdir(parents=True)
    os.mkfifo(config / "reader" / "keymap.toml")
    os.mkfifo(config / "reader" / "config.toml")
    env = {**_os.environ, "XDG_CONFIG_HOME": str(config)}
    import subprocess
    import sys

    for command in (["keys"], ["config", "coder"]):
        done = subprocess.run(
            [sys.executable, "-m", "reader", *command, "--library", str(library)],
            capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip
        assert "Traceback" not in done.stderr, done.stderr


def test_a_folder_named_reader_json_in_the_library_is_not_blamed_on_db(tmp_path: Path) -> None:
    """ "is a folder; --db takes a file name" was said to a user who gave no --db."""
    (tmp_path / "reader.json").mkdir()
    result = run_reader("list", str(tmp_path))
    assert result.returncode == 1
    assert "reader.json: is a folder where the library's database belongs" in result.stderr
    assert "--db takes" not in result.stderr
    given = run_reader("list", "--db", str(tmp_path / "reader.json"), str(tmp_path))
    assert given.returncode == 2 and "--db takes a file name" in given.stderr


def test_a_pipe_in_place_of_the_session_file_is_never_waited_on(tmp_path: Path) -> None:
    # a pipe at .reader.json.open, in a library with no reader.json yet: every command (and
    # the app) waited for a writer that never came
    library = _library(tmp_path)
    os.mkfifo(library / ".reader.json.open")
    result = run_reader("list", "--library", str(library))
    assert result.returncode == 0, result.stderr
    assert "A story" in result.stdout


def _finishes(call: Callable[[], object]) -> object:
    """`call()`'s result, failing (not hanging) when it waits for more than a few seconds."""
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(call()), daemon=True)
    worker.start()
    worker.join(5)
    assert done, "waited on a pipe"
    return done[0]


def test_a_pipe_in_place_of_the_kept_search_index_is_never_waited_on(tmp_path: Path) -> None:
    # a pipe at .reader.json.index (or -rows) hung the app's search, then its quit
    db = tmp_path / "reader.json"
    db.write_text("{}", encoding="utf-8")
    os.mkfifo(index_file.index_path(db))
    os.mkfifo(index_file.rows_path(db))
    assert _finishes(lambda: index_file.kept_index_current(db)) is False
    assert _finishes(lambda: index_file.read_index(index_file.index_path(db), 1 << 20)) is None
    assert (
        _finishes(lambda: index_file.rows_written_for(index_file.rows_path(db), (0, 0), (0, 0), 0))
        is False
    )


@pytest.mark.parametrize("stem_bytes", [191, 240])
def test_a_database_named_near_the_limit_is_refused_in_one_line_and_imported_from(
    tmp_path: Path, stem_bytes: int
) -> None:
    """A name of 250 bytes is a valid file, but its journal, lock and backups (named after it
    and longer) are not: every command with such a --db, and an import of a teammate's file
    so named, ended in a traceback (File name too long)."""
    library = _library(tmp_path)
    assert run_reader("list", "--library", str(library)).returncode == 0
    long_name = tmp_path / ("t" * stem_bytes + ".json")  # (196 bytes: its backups' copies
    # had no room, and restore and an upgrade failed; an attack on this stop's mend)
    long_name.write_bytes((library / "reader.json").read_bytes())
    listed = run_reader("list", "--library", str(library), "--db", str(long_name))
    _one_line_refusal(listed, long_name.name[:40])
    assert "rename it" in listed.stderr
    mine = tmp_path / "mine"
    mine.mkdir()
    imported = run_reader("import", "--library", str(mine), str(long_name))
    assert imported.returncode == 0, imported.stderr
