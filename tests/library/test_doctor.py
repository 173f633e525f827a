"""`reader doctor` and `reader restore`, run as a user's shell runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from reader.storage.database import Store
from tests.helpers.cli import run_reader
from tests.helpers.paths import DATA, GOLD, ICE

FIXTURE = DATA / "schemas" / "v1.json"


def damaged_library(tmp_path: Path) -> Path:
    """The ICE article with a database holding every kind of fixable damage."""
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(GOLD / ICE, library / ICE)
    data = json.loads(FIXTURE.read_text())
    annotations = data["annotations"]
    first = next(iter(annotations.values()))
    annotations["90"] = dict(first)  # the same annotation twice
    annotations["91"] = dict(first, note="a different one under the same id")
    annotations["92"] = dict(first, id="f" * 32, article_id=77)  # an unknown article
    annotations["93"] = dict(first, id="e" * 32, start=5, end=40)  # offsets gone wrong
    data["sources"]["9"] = {"name": "doug KING", "description": ""}  # listed twice
    (library / "reader.json").write_text(json.dumps(data))
    (library / ".reader.json.0a1b2c.tmp").write_text('{"half')  # a crash's leftover
    return library


def test_doctor_reports_without_changing_anything(tmp_path: Path) -> None:
    library = damaged_library(tmp_path)
    before = (library / "reader.json").read_bytes()
    result = run_reader("doctor", "--library", str(library))
    assert result.returncode == 1
    for words in (
        "stored twice, identically",
        "used by two different annotations",
        "belongs to article 77, which is unknown",
        "its quote is not at 5-40",
        "listed twice",
        "temporary file",
        "schema 1 is older",
        "reader doctor --fix",
    ):
        assert words in result.stdout
    assert (library / "reader.json").read_bytes() == before
    assert (library / ".reader.json.0a1b2c.tmp").exists()


def test_each_finding_is_one_line_whatever_a_file_is_called(tmp_path: Path) -> None:
    library = damaged_library(tmp_path)
    forged = "story\n     ok: nothing to repair.txt"  # a name that would forge a line
    (library / ICE).rename(library / forged)
    data = json.loads((library / "reader.json").read_text())
    for record in data["articles"].values():
        if record.get("path") == ICE:
            record["path"] = forged
    (library / "reader.json").write_text(json.dumps(data))
    result = run_reader("doctor", "--library", str(library))
    assert "its quote is not at 5-40 in story\\n     ok: nothing to repair.txt" in result.stdout
    assert not [line for line in result.stdout.splitlines() if "ok: nothing" in line[:20]]


def test_the_app_refuses_the_damaged_file_and_points_at_the_doctor(tmp_path: Path) -> None:
    library = damaged_library(tmp_path)
    result = run_reader("list", "--library", str(library))
    assert result.returncode == 1 and "reader doctor --fix" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_doctor_fix_repairs_keeps_every_annotation_and_a_copy(tmp_path: Path) -> None:
    library = damaged_library(tmp_path)
    original = (library / "reader.json").read_text()
    result = run_reader("doctor", "--fix", "--json", "--library", str(library))
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["healthy"], result.stdout
    assert all(f["fixed"] for f in report["findings"] if f["severity"] == "problem")
    assert Path(report["backup"]).read_text() == original
    store = Store(library / "reader.json")
    assert len(store) == 5  # 6 records, one an exact copy: nothing else dropped
    assert len({a.id for a in store.annotations()}) == 5
    text = (library / ICE).read_text(encoding="utf-8")
    for annotation in store.annotations():
        if annotation.article_id == 1:
            assert text[annotation.start : annotation.end] == annotation.quote
    assert [s.name for s in store.sources()].count("Doug King") == 1
    assert store.article(77) is not None and store.article(77).missing  # type: ignore[union-attr]
    assert not list(library.glob("*.tmp"))
    again = run_reader("doctor", "--library", str(library))
    assert again.returncode == 0 and "ok:" in again.stdout


def test_doctor_on_invalid_json_points_at_restore(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    (library / "reader.json").write_text('{"meta": ')
    result = run_reader("doctor", "--fix", "--library", str(library))
    assert result.returncode == 1
    assert "not valid JSON" in result.stdout and "reader restore" in result.stdout
    assert (library / "reader.json").read_text() == '{"meta": '


def test_restore_lists_backups_and_puts_one_back(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(GOLD / ICE, library / ICE)
    shutil.copy(FIXTURE, library / "reader.json")
    assert run_reader("list", "--library", str(library)).returncode == 0  # migrates, backs up
    (library / "reader.json").write_text("{ruined")
    listing = run_reader("restore", "--library", str(library))
    assert (
        listing.returncode == 0
        and "before-migration" in listing.stdout
        and "2 annotations" in listing.stdout
    )
    rows = json.loads(run_reader("restore", "--json", "--library", str(library)).stdout)
    name = next(r["name"] for r in rows if r["kind"] == "before-migration")
    result = run_reader("restore", name, "--library", str(library))
    assert (
        result.returncode == 0 and "Restored" in result.stdout and "before-restore" in result.stdout
    )
    listed = run_reader("list", "--json", "--library", str(library))
    assert json.loads(listed.stdout)[0]["annotations"] == 2
    kept = next(
        r
        for r in json.loads(run_reader("restore", "--json", "--library", str(library)).stdout)
        if r["kind"] == "before-restore"
    )
    assert not kept["usable"]  # the ruined file, kept as it was


def test_restore_of_an_unknown_backup_is_bad_usage(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    result = run_reader("restore", "nonsense", "--library", str(library))
    assert result.returncode == 2 and "no such backup" in result.stderr


def test_restore_of_an_empty_name_restores_nothing(tmp_path: Path) -> None:
    library = damaged_library(tmp_path)
    saved = (library / "reader.json").read_bytes()
    assert run_reader("doctor", "--fix", "--library", str(library)).returncode == 0
    fixed = (library / "reader.json").read_bytes()  # one backup now: the one before the fix
    assert fixed != saved
    result = run_reader("restore", "", "--library", str(library))
    assert result.returncode == 2 and "an empty name: no such backup" in result.stderr
    assert (library / "reader.json").read_bytes() == fixed  # (it put the only one back)


def _hostile_database(tmp_path: Path, damage: str) -> Path:
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(GOLD / ICE, library / ICE)
    data = json.loads(FIXTURE.read_text())
    if damage == "codebook string":
        data["sources"]["9"] = "Doug King"
        data["themes"]["9"] = 17
    elif damage == "null article":
        data["articles"]["9"] = None
    elif damage == "null annotation":
        data["annotations"]["9"] = None
    elif damage == "deep":
        (library / "reader.json").write_text("[" * 1_000_000 + "]" * 1_000_000)
        return library
    (library / "reader.json").write_text(json.dumps(data))
    return library


@pytest.mark.parametrize("damage", ["codebook string", "null article", "null annotation", "deep"])
def test_doctor_reads_any_damage_in_one_line_each_and_never_a_traceback(
    tmp_path: Path, damage: str
) -> None:
    library = _hostile_database(tmp_path, damage)
    result = run_reader("doctor", "--library", str(library))
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1
    fixed = run_reader("doctor", "--fix", "--library", str(library))
    assert "Traceback" not in fixed.stderr + fixed.stdout
    if damage == "deep":
        assert fixed.returncode == 1 and "nested too deeply" in fixed.stdout
        return
    # What --fix writes must open; anything it cannot repair leaves the file as it was.
    assert fixed.returncode == 0, fixed.stdout
    Store(library / "reader.json").close()
    assert run_reader("doctor", "--library", str(library)).returncode == 0


def test_doctor_names_the_files_reader_skips_apart_from_new_articles(library: Path) -> None:
    assert run_reader("list", "--library", str(library)).returncode == 0  # registered
    (library / "empty.txt").write_text("", encoding="utf-8")
    (library / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (library / "fresh.txt").write_text("A new story\n\nSome text here.\n", encoding="utf-8")
    result = run_reader("doctor", "--library", str(library))
    assert "1 article file not yet registered" in result.stdout
    skipped = [line for line in result.stdout.splitlines() if "skipped, as Reader does" in line]
    assert len(skipped) == 2
    assert any("binary.txt" in line for line in skipped)
    assert any("empty.txt" in line for line in skipped)


def test_doctor_reports_a_deleted_article_file_and_says_what_to_do(tmp_path: Path) -> None:
    from tests.helpers.paths import WARHOL
    from tests.helpers.seeding import ICE_QUOTES, tag_quotes

    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(GOLD / ICE, library / ICE)
    shutil.copy(GOLD / WARHOL, library / WARHOL)
    tag_quotes(library, ICE_QUOTES)  # the ICE article has annotations, Warhol's none
    (library / ICE).unlink()
    (library / WARHOL).unlink()
    listed = run_reader("list", "--library", str(library))
    assert listed.stdout.count("(file missing)") == 2  # the records are marked missing
    found = run_reader("doctor", "--library", str(library))
    assert found.returncode == 1  # a stale record is a problem --fix repairs
    [ice] = [line for line in found.stdout.splitlines() if ICE in line]
    assert ice.startswith("   note:") and "2 annotations are kept" in ice
    assert "Put the file back in the library folder" in ice
    [warhol] = [line for line in found.stdout.splitlines() if WARHOL in line]
    assert warhol.startswith("problem:") and "no annotations" in warhol
    fixed = run_reader("doctor", "--fix", "--library", str(library))
    assert fixed.returncode == 0, fixed.stdout
    assert "  fixed:" in fixed.stdout and WARHOL in fixed.stdout
    store = Store(library / "reader.json")
    assert [r.path for r in store.articles()] == [ICE]  # the annotated record stays
    assert len(list(store.annotations())) == 2  # and every annotation
    store.close()
    # The file put back, under another name: its annotations follow it.
    shutil.copy(GOLD / ICE, library / "renamed.txt")
    assert "(file missing)" not in run_reader("list", "--library", str(library)).stdout
    assert "ok:" in run_reader("doctor", "--library", str(library)).stdout


def test_doctor_counts_no_old_copy_in_the_backups_as_a_new_article(library: Path) -> None:
    assert run_reader("list", "--library", str(library)).returncode == 0  # registered
    kept = library / ".reader-backups" / "articles"
    kept.mkdir(parents=True)
    (kept / "story.20261201.md").write_text("An old copy\n\nOf a page.\n", encoding="utf-8")
    result = run_reader("doctor", "--library", str(library))
    assert "not yet registered" not in result.stdout, result.stdout


def test_a_folder_named_like_a_temporary_file_is_left_alone(tmp_path: Path) -> None:
    library = damaged_library(tmp_path)
    (library / ".reader.json.xyz.tmp").mkdir()  # not one of Reader's (a checkout can hold it)
    result = run_reader("doctor", "--fix", "--library", str(library))
    assert "Traceback" not in result.stderr
    assert "not a file Reader left; left alone" in result.stdout
    assert (library / ".reader.json.xyz.tmp").is_dir()
    assert not (library / ".reader.json.0a1b2c.tmp").exists()  # Reader's own: removed


def _one_annotation_edited(
    tmp_path: Path, field: str, value: object
) -> tuple[Path, dict[str, Any]]:
    """A database of one article and one annotation, that annotation's `field` then set to
    `value` by hand, as a script or a hand edit would; (its path, what it holds)."""
    from reader.core.records import new_annotation

    db = tmp_path / "reader.json"
    store = Store(db)
    article = store.add_article(path="a.txt", title="T", sha256="0")
    store.save_annotation(new_annotation(article.id, "Title\n\nSome words.", 7, 11, source="Ann"))
    store.close()
    data = json.loads(db.read_text())
    [record] = data["annotations"].values()
    record[field] = value
    db.write_text(json.dumps(data))
    return db, data


def test_doctor_names_an_annotation_whose_source_is_a_number_in_one_line(tmp_path: Path) -> None:
    from reader.library.doctor import examine

    db, _ = _one_annotation_edited(tmp_path, "source", 5)
    for fix in (False, True):  # (a traceback in the codebook's check, both ways)
        findings = examine(db, fix=fix).findings
        assert any(f.severity == "error" and "malformed" in f.message for f in findings)


def test_an_annotation_naming_an_article_id_past_any_is_refused_and_never_given_one(
    tmp_path: Path,
) -> None:
    from reader.library.doctor import examine
    from reader.storage.database import StoreError

    # (opened, then broke search; --fix wrote a placeholder article no command would open)
    db, data = _one_annotation_edited(tmp_path, "article_id", 2**70)
    with pytest.raises(StoreError):
        Store(db)
    findings = examine(db, fix=True).findings
    assert any(f.severity == "error" and "malformed" in f.message for f in findings)
    assert json.loads(db.read_text())["articles"].keys() == data["articles"].keys()


def test_doctor_fix_places_again_an_annotation_flagged_orphaned_whose_quote_is_in_place(
    tagged_library: Path,
) -> None:
    # A merged teammate's file could flag our annotations orphaned while their quotes sat
    # exactly at their offsets; the doctor said "ok" and kept them unhighlighted for good.
    db = tagged_library / "reader.json"
    data = json.loads(db.read_text(encoding="utf-8"))
    for record in data["annotations"].values():
        record["orphaned"] = True
    db.write_text(json.dumps(data), encoding="utf-8")
    found = run_reader("doctor", "--library", str(tagged_library))
    assert found.returncode == 1 and "marked orphaned, but its quote is at" in found.stdout
    assert run_reader("doctor", "--fix", "--library", str(tagged_library)).returncode == 0
    assert not any(a.orphaned for a in Store(db).annotations())


def test_a_file_every_scan_skips_unread_is_not_promised_to_be_added(tmp_path: Path) -> None:
    # a link out of the folder, a name that is not UTF-8: "1 article file not yet registered;
    # Reader adds them when it opens the library", which no scan ever does
    import os

    library = tmp_path / "library"
    library.mkdir()
    (library / "a.txt").write_text("A\n\nb.\n", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("Out\n\nx.\n", encoding="utf-8")
    (library / "link.txt").symlink_to(tmp_path / "outside.txt")
    (library / os.fsdecode(b"caf\xe9.txt")).write_text("Cafe\n\ny.\n", encoding="utf-8")
    assert run_reader("list", "--library", str(library)).returncode == 0
    result = run_reader("doctor", "--library", str(library))
    assert "not yet registered" not in result.stdout, result.stdout
    assert "link.txt: a link that leads outside the library folder" in result.stdout
    assert "its name is not UTF-8 text" in result.stdout


def test_fix_never_moves_a_missing_articles_quotes_onto_the_file_now_at_its_name(
    tmp_path: Path,
) -> None:
    # one file moved over another's name: `doctor --fix` re-anchored the missing article's
    # annotations onto the moved article's look-alike words (an attack's finding)
    from reader.core.records import new_annotation
    from reader.library.folder import Library

    library = tmp_path / "library"
    library.mkdir()
    for name in ("Alpha", "Bravo"):
        (library / f"{name.lower()}.txt").write_text(
            f"{name} story\n\nCouncil met on Monday and talked for hours about the budget.\n\n"
            f"“The {name} plan works well,” said {name} Speaker.\n",
            encoding="utf-8",
        )
    store = Store(library / "reader.json")
    folder = Library(library, store)
    folder.scan()
    for record in store.articles():
        text = folder.load(record).text
        start = text.index("The ")
        store.save_annotation(new_annotation(record.id, text, start, start + 25, source="X"))
    quotes = {a.id: (a.article_id, a.quote, a.start) for a in store.annotations()}
    store.close()
    (library / "alpha.txt").replace(library / "bravo.txt")
    assert run_reader("list", "--library", str(library)).returncode == 0
    fixed = run_reader("doctor", "--fix", "--library", str(library))
    assert "re-anchored" not in fixed.stdout, fixed.stdout
    store = Store(library / "reader.json")
    assert {a.id: (a.article_id, a.quote, a.start) for a in store.annotations()} == quotes
    store.close()


def test_fix_adds_many_missing_themes_in_one_reading_of_the_codebook(
    tagged_library: Path,
) -> None:
    # 200 annotations of 200 themes each, none in the codebook: `doctor --fix` read the whole
    # codebook again for each theme it added (95 s; stop 77's attacker)
    from reader.library import doctor
    from tests.helpers.work import lines_run

    path = tagged_library / "reader.json"
    database = json.loads(path.read_text(encoding="utf-8"))
    missing = 0
    for number, annotation in enumerate(database["annotations"].values()):
        annotation["themes"] = [f"theme {number}-{k}" for k in range(200)]
        missing += 200
    path.write_text(json.dumps(database), encoding="utf-8")
    lines = lines_run(doctor, lambda: doctor.examine(path, tagged_library, fix=True))
    themes = json.loads(path.read_text(encoding="utf-8"))["themes"]
    names = {theme["name"] for theme in themes.values()}
    assert all(f"theme 0-{k}" in names for k in range(200)) and len(names) >= missing
    assert lines <= 150 * missing  # (the codebook read for each: half a million turns more)
