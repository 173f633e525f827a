"""An export never replaces the database, an article or an earlier export without being told.

`-o` onto the database, its lock, its backups or any file of the library is refused (after
resolving symlinks); an existing output is replaced only with `--force`; an Obsidian export
cuts long names at a byte budget, never overwrites a note silently and writes all or
nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pytest

from reader.interchange.markdown import note_file_name
from reader.interchange.qdpx import NAMESPACE
from tests.helpers.cli import run_reader
from tests.helpers.seeding import tag_quotes


def export(library: Path, *args: str) -> tuple[int, str]:
    result = run_reader("export", "--library", str(library), *args)
    return result.returncode, result.stderr


@pytest.mark.parametrize(
    "target",
    [
        "reader.json",
        ".reader.json.lock",
        ".reader-backups/reader.json.daily.20260101-000000-000000.json",
        ".reader.json.journal",
        ".reader.json.index",
        "reader.feeds.json",
        ".reader-sites/example.com.json",
        "ice-canada-offices.txt",
        "new-quotes.md",  # would become an article of the library
        "reader.JSON",  # (the database, on a disk that ignores case: macOS, Windows)
        ".READER.json.journal",
    ],
)
def test_export_refuses_to_write_over_the_database_or_the_library(
    tagged_library: Path, target: str
) -> None:
    (tagged_library / ".reader-backups").mkdir(exist_ok=True)
    (tagged_library / ".reader-sites").mkdir(exist_ok=True)
    path = tagged_library / target
    if target.startswith(".reader") or target.endswith("feeds.json"):
        path.write_text("kept")
    before = {p: p.read_bytes() for p in tagged_library.rglob("*") if p.is_file()}
    status, err = export(tagged_library, "-o", str(path), "--force")
    assert status == 2 and err.count("\n") == 1
    assert "library" in err or "Reader's own data" in err
    after = {p: p.read_bytes() for p in tagged_library.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize(
    "target", [".reader-sites/example.com.json", ".reader-backups/articles/x.json"]
)
def test_with_the_database_elsewhere_the_library_s_own_folders_are_still_refused(
    tagged_library: Path, tmp_path: Path, target: str
) -> None:
    """Site memory and article backups live in the library whatever `--db` says."""
    db = tmp_path / "elsewhere" / "reader.json"
    db.parent.mkdir()
    db.write_bytes((tagged_library / "reader.json").read_bytes())
    path = tagged_library / target
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("kept")
    status, err = export(tagged_library, "--db", str(db), "-o", str(path), "--force")
    assert (status, err.count("\n")) == (2, 1) and "Reader's own data" in err
    assert path.read_text() == "kept"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes are POSIX")
def test_a_pipe_or_a_device_is_no_file_to_export_to(tagged_library: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    status, err = export(tagged_library, "-o", str(tmp_path / "pipe.md"), "--force")
    assert status == 2 and "not a regular file" in err
    assert (tmp_path / "pipe.md").is_fifo()


def test_a_full_standard_output_is_one_line_not_a_traceback(tagged_library: Path) -> None:
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reader", "export", "--library", str(tagged_library)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("reader: standard output: cannot write")
    for command in (["list"], ["stats"], ["keys"]):  # every command that prints
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "reader", *command, "--library", str(tagged_library)],
                stdout=full, stderr=subprocess.PIPE, text=True, timeout=60,
            )  # fmt: skip
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr


def test_a_symlink_to_the_database_is_refused_too(tagged_library: Path, tmp_path: Path) -> None:
    link = tmp_path / "innocent.md"
    link.symlink_to(tagged_library / "reader.json")
    before = (tagged_library / "reader.json").read_bytes()
    status, err = export(tagged_library, "-o", str(link))
    assert status == 2 and "database" in err
    assert (tagged_library / "reader.json").read_bytes() == before


def test_an_existing_export_is_replaced_only_with_force(
    tagged_library: Path, tmp_path: Path
) -> None:
    out = tmp_path / "quotes.md"
    out.write_text("yesterday's draft", encoding="utf-8")
    status, err = export(tagged_library, "-o", str(out))
    assert status == 1 and "--force" in err and err.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "yesterday's draft"
    status, _ = export(tagged_library, "-o", str(out), "--force")
    assert status == 0 and "Doug King" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("title", ["漢" * 200, "é" * 140, "a" * 300, "🎉" * 90])
def test_a_note_name_fits_the_file_system_on_a_character_boundary(title: str) -> None:
    name = note_file_name(title, set())
    assert name.endswith(".md")
    assert len(name.encode("utf-8")) <= 240
    assert title.startswith(name.removesuffix(".md"))


def test_obsidian_with_long_non_ascii_titles_writes_every_note(
    tagged_library: Path, tmp_path: Path
) -> None:
    rows = []
    for number, title in enumerate(["漢" * 200, "é" * 140, "a" * 300]):
        text = f"{title}\n\n“Quote number {number} is here,” said Someone."
        (tagged_library / f"long-{number}.txt").write_text(text, encoding="utf-8")
        rows.append((f"long-{number}.txt", f"Quote number {number}", "Someone", []))
    tag_quotes(tagged_library, rows)
    vault = tmp_path / "vault"
    status, err = export(tagged_library, "-f", "obsidian", "-o", str(vault))
    assert status == 0, err
    assert len(list(vault.glob("*.md"))) == 4  # the ICE article and the three long ones


def test_obsidian_never_overwrites_a_note_and_writes_all_or_nothing(
    tagged_library: Path, tmp_path: Path
) -> None:
    vault = tmp_path / "vault"
    assert export(tagged_library, "-f", "obsidian", "-o", str(vault))[0] == 0
    notes = sorted(vault.glob("*.md"))
    edited = notes[-1]
    edited.write_text("my own words in this note", encoding="utf-8")
    status, err = export(tagged_library, "-f", "obsidian", "-o", str(vault))
    assert status == 1 and "--force" in err
    assert edited.read_text(encoding="utf-8") == "my own words in this note"
    assert sorted(vault.glob("*.md")) == notes  # nothing added beside them either
    assert export(tagged_library, "-f", "obsidian", "-o", str(vault), "--force")[0] == 0
    assert "my own words" not in edited.read_text(encoding="utf-8")


def test_obsidian_that_fails_half_way_writes_nothing(seeded_library: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    assert export(seeded_library, "-f", "obsidian", "-o", str(vault))[0] == 0
    first, second = sorted(vault.glob("*.md"))
    first.unlink()
    second.unlink()
    second.mkdir()  # a folder where the second note goes: it cannot be replaced
    status, err = export(seeded_library, "-f", "obsidian", "-o", str(vault), "--force")
    assert status == 1 and err.count("\n") == 1
    assert not first.exists()  # the first note was not left behind alone


def test_notes_already_placed_are_put_back_when_a_later_one_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.interchange.output as output

    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "a.md").write_text("old a", encoding="utf-8")
    real = os.replace
    moves = []

    def failing_replace(source: object, target: object) -> None:
        if Path(str(target)).parent == vault:  # a move into the vault (not the staging)
            moves.append(target)
            if len(moves) == 2:  # a.md is placed (the old one set aside), then b.md fails
                raise OSError(28, "No space left on device")
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "replace", failing_replace)
    with pytest.raises(OSError):
        output.write_notes({"a.md": "new a", "b.md": "new b"}, vault, force=True)
    monkeypatch.undo()
    assert sorted(p.name for p in vault.iterdir()) == ["a.md"]
    assert (vault / "a.md").read_text(encoding="utf-8") == "old a"


def test_a_qdpx_export_is_well_formed_whatever_a_hand_edited_database_holds(
    tagged_library: Path, tmp_path: Path
) -> None:
    """XML 1.0 forbids most control characters even escaped; a coder name or a note that
    holds one (a database edited by hand, another tool's file) must not make the project
    file one that QDA tools refuse to open."""
    db = tagged_library / "reader.json"
    data = json.loads(db.read_text(encoding="utf-8"))
    for annotation in data["annotations"].values():
        annotation["coder"] = "eve\x0b"
        annotation["note"] = "note\x0b\x0cvt \x1b[2J"
    db.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "team.qdpx"
    code, _ = export(tagged_library, "--format", "qdpx", "-o", str(out))
    assert code == 0
    with zipfile.ZipFile(out) as zipped:
        project = ET.fromstring(zipped.read("project.qde"))  # raises if not well formed
    names = {user.get("name") for user in project.iter(f"{{{NAMESPACE}}}User")}
    assert "eve" in names


def test_obsidian_onto_a_file_says_notes_go_in_a_folder(
    tagged_library: Path, tmp_path: Path
) -> None:
    out = tmp_path / "quotes.csv"
    out.write_text("a table", encoding="utf-8")
    status, err = export(tagged_library, "-f", "obsidian", "-o", str(out))
    assert status == 1 and "is a file; Obsidian notes go in a folder" in err
    assert out.read_text(encoding="utf-8") == "a table"


def test_an_address_cannot_break_out_of_its_link(tmp_path: Path) -> None:
    # (a front matter's or a feed item's address holding ">)[…](…)<" made a second link
    # of its own choosing in the Markdown export)
    library = tmp_path / "library"
    library.mkdir()
    (library / "shared.md").write_text(
        '---\ntitle: "Shared story"\n'
        'url: "https://news.example/a>)[Read the report](https://evil.example/x)<\\\\"\n---\n\n'
        '# Shared story\n\nThe mayor said "We will build the bridge" on Monday.\n',
        encoding="utf-8",
    )
    tag_quotes(library, [("shared.md", "We will build the bridge", "Mayor", [])])
    exported = run_reader("export", "--library", str(library)).stdout
    [credit] = [line for line in exported.splitlines() if "Shared story](" in line]
    target = credit.split("](<", 1)[1]
    end = target.index(">")  # (the first ">" ends the link: the whole address is inside)
    assert target.startswith("https://news.example/a%3E)")
    assert target[:end].endswith("evil.example/x)%3C%5C")  # (YAML's "\\\\" is one "\\")


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(document.cookie)//https://news.example/x", "data:text/html,<b>x</b>"],
)
def test_an_address_that_is_no_web_address_links_to_the_file_instead(
    tmp_path: Path, address: str
) -> None:
    """A front matter's `url: "javascript:…"` (a .md dropped in, or copied in by a
    teammate's import) made a live script link of the title in the Markdown draft, which is
    pasted into a CMS (an attacker's finding). Only an http(s) address is an article's."""
    library = tmp_path / "library"
    library.mkdir()
    (library / "b.md").write_text(
        f'---\ntitle: "Budget story"\nurl: "{address}"\n---\n\n# Budget story\n\n'
        "“The budget is balanced,” said Councillor Tom Lee.\n",
        encoding="utf-8",
    )
    tag_quotes(library, [("b.md", "The budget is balanced", "Tom Lee", [])])
    for fmt in ("markdown", "w3c"):  # (a link in both; the CSV keeps it as the data it is)
        exported = run_reader("export", "--library", str(library), "-f", fmt).stdout
        assert address.split(":")[0] + ":" not in exported
    markdown = run_reader("export", "--library", str(library)).stdout
    assert "[Budget story](<file://" in markdown


def test_the_file_s_extension_names_the_format_unless_format_says_another(
    tagged_library: Path, tmp_path: Path
) -> None:
    """`reader export -o quotes.csv` wrote Markdown under that name, and `-o quotes.qdpx`
    Markdown text in a file a QDA tool would then refuse (a newcomer's finding)."""
    status, err = export(tagged_library, "-o", str(tmp_path / "quotes.csv"))
    assert status == 0, err
    header = (tmp_path / "quotes.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("id,quote,source,source_description,themes")
    assert export(tagged_library, "-o", str(tmp_path / "project.qdpx"))[0] == 0
    assert zipfile.is_zipfile(tmp_path / "project.qdpx")
    assert export(tagged_library, "-f", "w3c", "-o", str(tmp_path / "w3c.json"))[0] == 0
    assert "@context" in (tmp_path / "w3c.json").read_text(encoding="utf-8")
    status, err = export(tagged_library, "-f", "json", "-o", str(tmp_path / "wrong.csv"))
    assert status == 2 and err.count("\n") == 1
    assert "its name says csv, not json; name it wrong.json, or give --format csv" in err
    assert not (tmp_path / "wrong.csv").exists()


def test_a_file_name_s_escapes_reach_no_pipe_in_any_export(tmp_path: Path) -> None:
    """Into a pipe (`reader export -f csv | grep …`), the CSV's article column carried a
    file name's OSC and CSI bytes raw: the terminal's title and clipboard were set and the
    screen cleared (found by an attack); the JSON outputs left U+009B (a CSI to some
    terminals) and U+202E raw. Each format's bytes now hold none of them; JSON escapes
    them, and its values read back the same."""
    library = tmp_path / "library"
    library.mkdir()
    name = "story\x1b]2;PWNED\x07\x1b]52;c;cm0gLXJmIH4K\x07\x9b2J\u202eevil.txt"
    quote = "We will win the vote this year, whatever they say about it,"
    (library / name).write_text(f"Vote\n\n“{quote}” said Mayor John Smith.\n", encoding="utf-8")
    tag_quotes(library, [(name, "We will win", "John Smith", ["votes"])])
    for fmt in ("markdown", "csv", "json", "w3c"):
        result = subprocess.run(
            [sys.executable, "-m", "reader", "export", "-f", fmt, "--library", str(library)],
            capture_output=True, timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        shown = result.stdout.decode("utf-8")
        assert quote.rstrip(",") in shown, fmt
        assert not set(shown) & {"\x1b", "\x07", "\x9b", "\u202e"}, fmt
    listed = run_reader("list", "--json", "--library", str(library))
    assert not set(listed.stdout) & {"\x1b", "\x07", "\x9b", "\u202e"}
    assert json.loads(listed.stdout)[0]["path"] == name  # (escaped, not changed)


def test_an_export_that_matches_nothing_says_so(tagged_library: Path, tmp_path: Path) -> None:
    """A filter with a typo wrote a file of headers only, saying "Exported 0 annotations"
    as if all were well (a newcomer's finding); search says what matched nothing."""
    out = tmp_path / "empty.csv"
    status, err = export(tagged_library, "theme:nonexistent", "-o", str(out))
    assert status == 0 and "No annotation matches 'theme:nonexistent'." in err
    status, err = export(tagged_library, "thme:policing", "-f", "json")
    assert status == 0 and "No annotation matches" in err and "theme:" in err


def test_controls_a_teammates_database_brought_in_reach_no_export(tmp_path: Path) -> None:
    """`reader import` cleans what comes in, but a `git pull` or the merge driver brings a
    teammate's reader.json as it is: a source, note or coder holding escape sequences went
    raw into the CSV and into the Obsidian notes' links (found by an attack)."""
    library = tmp_path / "library"
    library.mkdir()
    quote = "We will win the vote this year, whatever they say about it,"
    (library / "vote.txt").write_text(f"Vote\n\n“{quote}” said Mayor John Smith.\n")
    tag_quotes(library, [("vote.txt", "We will win", "John Smith", ["votes"])])
    data = json.loads((library / "reader.json").read_text(encoding="utf-8"))
    [annotation] = data["annotations"].values()
    evil = "\x1b]0;PWNED\x07\x9b2J\u202e"
    annotation.update(source=f"John{evil} Smith", note=f"said{evil}\nat noon", coder=f"co{evil}")
    (library / "reader.json").write_text(json.dumps(data), encoding="utf-8")
    table = run_reader("export", "-f", "csv", "--library", str(library))
    assert table.returncode == 0, table.stderr
    assert not set(table.stdout) & {"\x1b", "\x07", "\x9b", "\u202e"}
    assert "John\\u001b]0;PWNED\\u0007\\u009b2J\\u202e Smith" in table.stdout
    notes = tmp_path / "vault"
    assert (
        run_reader(
            "export", "-f", "obsidian", "-o", str(notes), "--library", str(library)
        ).returncode
        == 0
    )
    [note] = notes.glob("*.md")
    assert not set(note.read_text(encoding="utf-8")) & {"\x1b", "\x07", "\x9b", "\u202e"}


def test_obsidian_again_keeps_what_was_written_around_readers_part(
    tagged_library: Path, tmp_path: Path
) -> None:
    """A second export refused, and --force wiped the section a student had written in the
    note (a newcomer's finding): Reader's part is marked, replaced alone, the rest kept."""
    from reader.interchange.markdown import READER_PART_END
    from tests.helpers.paths import ICE
    from tests.helpers.seeding import tag_quotes

    vault = tmp_path / "vault"
    assert export(tagged_library, "-f", "obsidian", "-o", str(vault))[0] == 0
    [note] = [n for n in vault.glob("*.md") if "ICE" in n.read_text(encoding="utf-8")]
    first = note.read_text(encoding="utf-8")
    assert first.count("<!-- reader: the quotes of article ") == first.count(READER_PART_END) == 1
    mine = (
        first.replace("tags: [reader]", "tags: [reader, thesis]")
        + "\n## My analysis\n\nKing hedges.\n"
    )
    note.write_text(mine, encoding="utf-8")
    tag_quotes(tagged_library, [(ICE, "Our collaboration benefits", "ICE", ["cooperation"])])
    status, err = export(tagged_library, "-f", "obsidian", "-o", str(vault))
    assert status == 0, err
    again = note.read_text(encoding="utf-8")
    assert "## My analysis\n\nKing hedges." in again and "tags: [reader, thesis]" in again
    assert "Our collaboration benefits" in again
    assert again.count("<!-- reader: the quotes of article ") == 1


def test_records_naming_one_file_share_its_text_in_an_export(
    tagged_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A crafted database of 100 article records all naming one 20 MB file: every export read
    # it once a record and kept each copy (2 GB from a 50 KB database; stop 77's attacker)
    import json

    from reader.interchange.selection import select
    from reader.library.folder import Library
    from reader.storage.database import Store

    path = tagged_library / "reader.json"
    database = json.loads(path.read_text(encoding="utf-8"))
    first = next(iter(database["articles"].values()))
    annotation = next(a for a in database["annotations"].values() if a["article_id"] == first["id"])
    for number in range(1, 31):
        copy_id = 10_000 + number
        database["articles"][str(copy_id)] = {**first, "id": copy_id}
        database["annotations"][f"x{number}"] = {
            **annotation,
            "id": f"{number:032x}",
            "article_id": copy_id,
        }
    path.write_text(json.dumps(database), encoding="utf-8")
    loads: list[str] = []
    real = Library.load

    def counting(self: Library, record: Any) -> Any:
        loads.append(record.path)
        return real(self, record)

    monkeypatch.setattr(Library, "load", counting)
    store = Store(path)
    try:
        selection = select(store, Library(tagged_library, store))
    finally:
        store.close()
    copies = [a for a in selection.articles.values() if a.record.path == first["path"]]
    assert len(copies) == 31 and all(a.text == copies[0].text for a in copies)
    assert loads.count(first["path"]) == 1
