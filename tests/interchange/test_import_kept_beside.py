"""Another coder's reader.json imported: our version kept beside their newer coding, even
when their file holds a record of its own under the id ours would be kept under."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest

from reader.core.merge_rule import copy_id
from reader.storage.database import Store
from tests.helpers.cli import run_reader
from tests.helpers.pilot import saved_annotations


@pytest.mark.parametrize("squatter_first", [True, False])
def test_a_record_under_the_id_ours_would_take_never_takes_its_place(
    tagged_library: Path, tmp_path: Path, squatter_first: bool
) -> None:
    db = tagged_library / "reader.json"
    data = json.loads(db.read_text(encoding="utf-8"))
    keys = sorted(data["annotations"])
    mine = data["annotations"][keys[0]]
    store = Store(db)
    squat_id = copy_id(store.annotation(mine["id"]))  # type: ignore[arg-type]
    store.close()
    theirs = dict(mine, coder="bob", source="Someone Else", updated="2026-12-05T00:00:00+00:00")
    squatter = dict(data["annotations"][keys[1]], id=squat_id, coder="bob")
    records = [squatter, theirs] if squatter_first else [theirs, squatter]
    their_file = copy.deepcopy(data)
    their_file["annotations"] = {str(i): record for i, record in enumerate(records, 1)}
    (tmp_path / "them").mkdir()
    (tmp_path / "them" / "reader.json").write_text(json.dumps(their_file), encoding="utf-8")
    result = run_reader(
        "import", str(tmp_path / "them" / "reader.json"), "--library", str(tagged_library)
    )
    assert result.returncode == 0, result.stderr
    ours = [
        a
        for a in saved_annotations(db)
        if a["start"] == mine["start"]
        and a["source"] == mine["source"]
        and a["coder"] == mine["coder"]
    ]
    assert len(ours) == 1, "our coding of the passage was lost"
    assert any(a["source"] == "Someone Else" for a in saved_annotations(db))


def test_their_article_is_never_copied_where_ours_is_missing(
    tagged_library: Path, tmp_path: Path
) -> None:
    # Their copy of an article we have a record of, changed since, under its file name,
    # while our file is away: put there, it was read as ours at the next scan and our
    # annotations were moved onto their words.
    from reader.library.article_files import parse_article

    db = tagged_library / "reader.json"
    data = json.loads(db.read_text(encoding="utf-8"))
    ice = next(r for r in data["articles"].values() if r["path"].startswith("ice"))
    text = "ICE in Canada\n\nA short rewrite. “They assist Canadian authorities,” he said.\n"
    them = tmp_path / "them"
    them.mkdir()
    (them / ice["path"]).write_text(text, encoding="utf-8")
    their_file = copy.deepcopy(data)
    their_file["articles"][str(ice["id"])]["sha256"] = parse_article(
        text.encode(), ".txt", "x"
    ).sha256
    their_file["annotations"] = {}
    (them / "reader.json").write_text(json.dumps(their_file), encoding="utf-8")
    away = tmp_path / "away.txt"
    (tagged_library / ice["path"]).rename(away)
    assert run_reader("list", str(tagged_library)).returncode == 0  # (it is found missing)
    result = run_reader("import", str(them / "reader.json"), "--library", str(tagged_library))
    assert result.returncode == 0, result.stderr
    assert not (tagged_library / ice["path"]).exists()


def test_a_passage_with_more_themes_than_any_coder_gives_is_refused_in_one_line(
    tagged_library: Path, tmp_path: Path
) -> None:
    # A million themes on one annotation (67 MB of W3C) took the import to a gigabyte and a
    # crash while writing it; here, 201 stand for them.
    from reader.core.records import MAX_THEMES

    db = tagged_library / "reader.json"
    data = json.loads(db.read_text(encoding="utf-8"))
    record = dict(next(iter(data["annotations"].values())), id="f" * 32, coder="bob")
    their_file = copy.deepcopy(data)
    their_file["annotations"] = {
        "1": dict(record, themes=[f"t{i}" for i in range(MAX_THEMES + 1)]),
        "2": dict(record, id="e" * 32, themes=[f"t{i}" for i in range(MAX_THEMES)]),
    }
    (tmp_path / "reader.json").write_text(json.dumps(their_file), encoding="utf-8")
    result = run_reader("import", str(tmp_path / "reader.json"), "--library", str(tagged_library))
    assert result.returncode == 1
    assert f"201 themes, more than the {MAX_THEMES}" in result.stderr
    assert "Traceback" not in result.stderr
    ids = {a["id"] for a in saved_annotations(db)}
    assert "e" * 32 in ids and "f" * 32 not in ids  # (the other one imported)


def test_a_teammates_unreadable_journal_is_refused_with_advice_that_works(
    tagged_library: Path, tmp_path: Path
) -> None:
    # "`reader doctor --fix` repairs it" sent the user to check their own library, which
    # was fine; the teammate's copy is theirs to send again.
    them = tmp_path / "them"
    them.mkdir()
    (them / "reader.json").write_bytes((tagged_library / "reader.json").read_bytes())
    (them / ".reader.json.journal").mkdir()
    result = run_reader("import", str(them / "reader.json"), "--library", str(tagged_library))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "ask them to quit Reader and send" in result.stderr


def test_our_version_their_file_already_keeps_beside_theirs_comes_in_once(
    tagged_library: Path, tmp_path: Path
) -> None:
    # The teammate merged our version before: their file holds it under its copy id, the
    # same content. It is ours once, not once more under the chain's next id.
    db = tagged_library / "reader.json"
    data = json.loads(db.read_text(encoding="utf-8"))
    mine = data["annotations"][sorted(data["annotations"])[0]]
    store = Store(db)
    kept_id = copy_id(store.annotation(mine["id"]))  # type: ignore[arg-type]
    store.close()
    theirs = dict(mine, coder="bob", source="Someone Else", updated="2026-12-05T00:00:00+00:00")
    for order in ([theirs, dict(mine, id=kept_id)], [dict(mine, id=kept_id), theirs]):
        library = tmp_path / f"library-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(tagged_library, library)
        their_file = copy.deepcopy(data)
        their_file["annotations"] = {str(i): record for i, record in enumerate(order, 1)}
        path = tmp_path / f"them-{library.name}.json"
        path.write_text(json.dumps(their_file), encoding="utf-8")
        result = run_reader("import", str(path), "--library", str(library))
        assert result.returncode == 0, result.stderr
        ours = [
            a
            for a in saved_annotations(library / "reader.json")
            if a["start"] == mine["start"] and a["source"] == mine["source"]
        ]
        assert [a["id"] for a in ours] == [kept_id]
