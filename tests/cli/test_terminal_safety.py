"""Nothing Reader prints for a person can drive the terminal.

Notes, quotes, names and file names may hold escape sequences (a window title, OSC 52 that
writes the clipboard, colours) or a right-to-left override that reorders the line. Text
printed for a person goes through one function that removes them; `--json` escapes control
characters as JSON does; a CSV written to a file keeps the data as it is.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import run_reader
from tests.helpers.paths import DATA

DANGEROUS = ("\x1b", "\x07", "\u202e", "\x9b")


@pytest.fixture
def hostile_library(ice_library: Path) -> Path:
    result = run_reader(
        "import",
        str(DATA / "hostile" / "imports" / "escapes.jsonld"),
        "--library",
        str(ice_library),
    )
    assert result.returncode == 0, result.stderr
    evil = ice_library / "evil \x1b]0;owned\x07 name \u202etxt.txt"
    evil.write_text("Evil\n\n“A quote,” said Someone.", encoding="utf-8")
    (ice_library / "binary \x1b[2J.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    return ice_library


def clean(text: str) -> bool:
    return not any(mark in text for mark in DANGEROUS)


@pytest.mark.parametrize(
    "command",
    [
        ["search", "collaboration"],
        ["list"],
        ["quotes", "evil"],
        ["stats", "--by", "source"],
        ["stats", "--matrix"],
        ["export"],
    ],
)
def test_text_for_a_person_carries_no_escape_sequences(
    hostile_library: Path, command: list[str]
) -> None:
    result = run_reader(*command, "--library", str(hostile_library))
    assert result.returncode == 0, result.stderr
    assert clean(result.stdout) and clean(result.stderr)


def test_the_note_still_reads_as_words(hostile_library: Path) -> None:
    result = run_reader("search", "collaboration", "--library", str(hostile_library))
    assert "note: note with clipboard and override" in " ".join(result.stdout.split())


def test_an_imported_note_keeps_its_words_and_loses_its_escape_sequences(
    hostile_library: Path,
) -> None:
    """Escape sequences are never data: an imported note is stored without them (as its
    source and themes are), so no export, terminal or XML file ever meets them."""
    result = run_reader("search", "collaboration", "--json", "--library", str(hostile_library))
    assert "\x1b" not in result.stdout and "\\u001b" not in result.stdout
    [hit] = json.loads(result.stdout)
    assert hit["note"] == "note  with clipboard  and override"


def test_csv_to_a_file_shows_a_hand_edits_escapes_and_to_a_terminal_does_not(
    hostile_library: Path, tmp_path: Path
) -> None:
    """A file is read with `cat` and `grep` too: escape sequences a database edited by hand
    (or brought in by git) holds are written as escapes there, never as the bytes a
    terminal acts on; on a terminal they go."""
    db = hostile_library / "reader.json"
    data = json.loads(db.read_text(encoding="utf-8"))  # a database edited by hand
    for annotation in data["annotations"].values():
        annotation["note"] = "note \x1b]52;c;aGVsbG8=\x07 with clipboard"
    db.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "all.csv"
    assert run_reader("export", "-f", "csv", "-o", str(out), "--library", str(hostile_library))
    written = out.read_text(encoding="utf-8-sig")
    assert "\\u001b]52;c;aGVsbG8=\\u0007 with clipboard" in written and "\x1b" not in written
    shown = _on_a_terminal(["export", "-f", "csv", "--library", str(hostile_library)])
    assert "clipboard" in shown and clean(shown)


def _on_a_terminal(args: list[str]) -> str:
    """What `reader ARGS` prints when its output is a terminal (a pseudo-terminal here)."""
    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdout=child,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_file_name_with_a_line_break_cannot_forge_a_row(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    (library / "evil\n  99  forged row.txt").write_text("Title one\n\nBody.\n")
    result = run_reader("list", "--library", str(library))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1  # one article, one row
    assert '"evil\\n  99  forged row.txt"' in result.stdout
    missing = run_reader("add", str(tmp_path / "gone\nsecond line.txt"), "--library", str(library))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1


def test_a_locale_that_cannot_encode_the_output_gets_utf8_data_not_a_traceback(
    tmp_path: Path,
) -> None:
    # Python told not to use UTF-8 (PYTHONUTF8=0) under LC_ALL=C prints ASCII: an accent,
    # a zero-width space or the CSV's byte-order mark ended these in UnicodeEncodeError;
    # escaped instead, `--json` was no JSON, with status 0 (an attack on the first mend)
    (tmp_path / "a.txt").write_text(
        "Wide text\n\nAlpha \u200b beta “quoted words here for all,” said José Martí.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    out = {}
    for args in (["quotes", "a.txt", "--json"], ["export", "-f", "csv"], ["list"]):
        done = subprocess.run(
            [sys.executable, "-m", "reader", *args],
            capture_output=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr
        out[args[0]] = done.stdout
    [found] = json.loads(out["quotes"].decode("utf-8"))
    assert found["speaker"] == "José Martí"
    assert out["export"].startswith("\ufeffid,quote,source".encode())
