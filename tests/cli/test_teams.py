"""Several coders, one corpus, from the shell: coder names, merging another coder's
database (by `reader import` and by git's merge driver), and `reader agree`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from reader.storage.database import on_disk
from tests.helpers.cli import run_reader
from tests.helpers.paths import GOLD, ICE
from tests.helpers.seeding import tag_quotes

KING = (ICE, "Their authority in Canada", "Doug King", ["public safety"])
MCPHERSON_A = (ICE, "Canada and Canadians must not", "Heather McPherson", ["sovereignty"])
MCPHERSON_B = (ICE, "Canada and Canadians must not", "Heather McPherson", ["accountability"])


def _copy(library: Path, name: str) -> Path:
    folder = library.parent / name
    shutil.copytree(library, folder)
    return folder


def _ids(folder: Path) -> list[str]:
    return sorted(doc["id"] for doc in on_disk(folder / "reader.json")["annotations"].values())


def _coders(folder: Path) -> list[str]:
    return sorted(doc["coder"] for doc in on_disk(folder / "reader.json")["annotations"].values())


@pytest.fixture
def two_coders(library: Path) -> tuple[Path, Path]:
    """Two copies of the sample library, tagged by alice and by bob."""
    alice, bob = _copy(library, "alice"), _copy(library, "bob")
    tag_quotes(alice, [KING, MCPHERSON_A], coder="alice")
    tag_quotes(bob, [KING, MCPHERSON_B], coder="bob")
    return alice, bob


def test_config_coder_sets_the_name_and_the_variable_overrides_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "READER_CODER"}
    library = str(tmp_path)

    def reader(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", *args, "--library", library],
            capture_output=True,
            text=True,
            env={**env, **extra},
            timeout=60,
        )

    assert reader("config", "coder", "Ann  Lee").returncode == 0
    shown = json.loads(reader("config", "coder", "--json").stdout)
    assert shown == {"coder": "Ann Lee", "origin": "config"}
    overridden = json.loads(reader("config", "coder", "--json", READER_CODER="bob").stdout)
    assert overridden == {"coder": "bob", "origin": "env"}
    reader("config", "coder", "--unset")
    assert json.loads(reader("config", "coder", "--json").stdout)["origin"] in ("login", "none")


def test_recode_names_the_annotations_of_no_coder(tagged_library: Path) -> None:
    result = run_reader("recode", "--from", "", "--to", "alice", "--library", str(tagged_library))
    assert result.returncode == 0 and "recoded 2" in result.stdout
    assert _coders(tagged_library) == ["alice", "alice"]
    found = run_reader("search", "--json", "coder:alice", "--library", str(tagged_library))
    assert len(json.loads(found.stdout)) == 2


def test_recoding_one_annotation_says_one_annotation(tagged_library: Path) -> None:
    first = run_reader("recode", "--from", "", "--to", "alice", "--library", str(tagged_library))
    assert "recoded 2 annotations" in first.stdout
    one = run_reader(
        "recode", "--from", "alice", "--to", "bob", "--library", str(tagged_library), "source:doug"
    )
    assert one.returncode == 0, one.stderr
    assert "recoded 1 annotation from alice to bob" in one.stdout


def test_import_of_another_coders_database_merges_once(two_coders: tuple[Path, Path]) -> None:
    alice, bob = two_coders
    first = run_reader("import", str(bob / "reader.json"), "--library", str(alice))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == (
        f"imported 2 annotations from {bob / 'reader.json'} into {alice.resolve() / 'reader.json'}"
    )
    again = run_reader("import", str(bob / "reader.json"), "--library", str(alice))
    assert "imported 0 annotations" in again.stdout and "2 were already there" in again.stdout
    assert _coders(alice) == ["alice", "alice", "bob", "bob"]
    # An import that changed nothing keeps no copy: five of them had pushed the copy taken
    # before a bad merge out of the five kept (a team's finding)
    backups = sorted((alice / ".reader-backups").glob("reader.json.before-import.*.json"))
    assert len(backups) == 1 and len(json.loads(backups[0].read_text())["annotations"]) == 2


def test_an_annotation_deleted_after_an_import_stays_deleted_when_imported_again(
    two_coders: tuple[Path, Path],
) -> None:
    from reader.core.records import edited
    from reader.storage.database import Store

    alice, bob = two_coders
    assert run_reader("import", str(bob / "reader.json"), "--library", str(alice)).returncode == 0
    mine = Store(alice / "reader.json")
    [theirs] = [a for a in mine.annotations() if a.coder == "bob" and a.source == "Doug King"]
    mine.delete_annotation(theirs.id)  # alice drops bob's coding of King
    when = mine.deleted_at(theirs.id)
    mine.close()
    again = run_reader("import", str(bob / "reader.json"), "--library", str(alice))
    assert again.returncode == 0, again.stderr
    assert "imported 0 annotations" in again.stdout
    assert "1 deleted here since stayed deleted" in again.stdout
    assert _coders(alice) == ["alice", "alice", "bob"]
    # bob changes that coding afterwards: his newer version is news, and comes in
    his = Store(bob / "reader.json")
    change = edited(his.annotation(theirs.id), note="checked the recording")
    his.save_annotation(msgspec.structs.replace(change, updated=_an_hour_on(str(when))))
    his.close()
    later = run_reader("import", str(bob / "reader.json"), "--library", str(alice))
    assert "imported 1 annotation" in later.stdout, later.stdout
    assert _coders(alice) == ["alice", "alice", "bob", "bob"]


def test_an_annotation_they_deleted_is_deleted_here_unless_changed_here_since(
    two_coders: tuple[Path, Path],
) -> None:
    """`reader import THEIR/reader.json` kept what they had deleted, where git's merge
    driver deleted it: the two ways of merging the README gives made different corpora (a
    newcomer's finding). Their deletion now deletes ours when ours is no newer than it; an
    annotation changed here after their deletion stays."""
    from reader.core.records import edited
    from reader.storage.database import Store

    alice, bob = two_coders
    assert run_reader("import", str(alice / "reader.json"), "--library", str(bob)).returncode == 0
    assert run_reader("import", str(bob / "reader.json"), "--library", str(alice)).returncode == 0
    assert _coders(alice) == _coders(bob) == ["alice", "alice", "bob", "bob"]
    his = Store(bob / "reader.json")
    dropped = [a for a in his.annotations() if a.source == "Heather McPherson"]
    his.delete_annotations(a.id for a in dropped)  # bob drops both codings of McPherson
    when = his.deleted_at(dropped[0].id)
    his.close()
    mine = Store(alice / "reader.json")
    [kept] = [a for a in dropped if a.coder == "alice"]  # alice revises hers afterwards
    change = edited(mine.annotation(kept.id), note="checked the recording")
    mine.save_annotation(msgspec.structs.replace(change, updated=_an_hour_on(str(when))))
    mine.close()
    merged = run_reader("import", str(bob / "reader.json"), "--library", str(alice), "--json")
    assert merged.returncode == 0, merged.stderr
    assert json.loads(merged.stdout)["deleted_as_there"] == 1
    assert _coders(alice) == ["alice", "alice", "bob"]
    again = run_reader("import", str(bob / "reader.json"), "--library", str(alice))
    assert "deleted here as they deleted" not in again.stdout  # (nothing left to delete)
    assert _coders(alice) == ["alice", "alice", "bob"]
    [bobs] = [a for a in dropped if a.coder == "bob"]
    recorded = {d["id"]: d["at"] for d in on_disk(alice / "reader.json")["deleted"].values()}
    assert recorded == {bobs.id: when}  # (alice's revised one: no longer deleted)


def test_their_deletions_a_lone_copy_of_their_file_cannot_take_are_said(
    two_coders: tuple[Path, Path], tmp_path: Path
) -> None:
    """Their reader.json copied alone (not their folder) cannot show its coder saw our
    articles, so its deletions of ours are not taken: that was silent, and a newcomer team
    took the merge for complete."""
    from reader.storage.database import Store

    alice, bob = two_coders
    assert run_reader("import", str(alice / "reader.json"), "--library", str(bob)).returncode == 0
    his = Store(bob / "reader.json")
    his.delete_annotations(a.id for a in his.annotations() if a.coder == "alice")
    his.close()
    alone = tmp_path / "bob-reader.json"
    alone.write_bytes((bob / "reader.json").read_bytes())
    merged = run_reader("import", str(alone), "--library", str(alice))
    assert merged.returncode == 0, merged.stderr
    assert "2 deletions of theirs not taken" in merged.stdout
    assert "import their library folder instead" in merged.stdout
    assert _coders(alice) == ["alice", "alice", "bob", "bob"]
    as_json = run_reader("import", str(alone), "--library", str(alice), "--json")
    assert json.loads(as_json.stdout)["deletions_not_taken"] == 2


def test_a_deletion_that_could_delete_nothing_is_not_taken_in(
    two_coders: tuple[Path, Path],
) -> None:
    """A teammate's `deleted` table of ids Reader never makes, times that are none or past
    the clock, or ids the file itself still holds: taken in whole (150,000 of them made an
    11 MB database) and, for one the file held, its annotation imported and deleted at
    once, summed as "deleted here as they deleted them" (found by an attack)."""
    alice, bob = two_coders
    assert run_reader("import", str(bob / "reader.json"), "--library", str(alice)).returncode == 0
    mine = _ids(alice)
    his = on_disk(bob / "reader.json")
    now = "2026-12-06T00:00:00+00:00"
    crafted = {"x" * 40: now, mine[0]: "zzzz", mine[1]: "9999-01-01T00:00:00+00:00"}
    crafted |= dict.fromkeys(_ids(bob), now)  # (his own, which he still holds)
    his["deleted"] = {str(n): {"id": k, "at": at} for n, (k, at) in enumerate(crafted.items())}
    (bob / ".reader.json.journal").unlink(missing_ok=True)
    (bob / "reader.json").write_text(json.dumps(his), encoding="utf-8")
    result = run_reader("import", str(bob / "reader.json"), "--library", str(alice), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["deleted_as_there"] == 0
    assert _ids(alice) == mine
    assert not on_disk(alice / "reader.json")["deleted"]


@pytest.mark.parametrize("articles", ["none", "our paths, other texts", "our hashes, no texts"])
def test_a_file_of_deletions_alone_deletes_no_annotation_of_an_article_it_lacks(
    two_coders: tuple[Path, Path], articles: str
) -> None:
    # a crafted reader.json holding no article and no annotation, only a `deleted` table of
    # ids read off an export, deleted every annotation ("4 deleted here as they deleted
    # them", exit 0): an attack on imports; then one holding records of our paths with
    # other texts (an attack on the mend)
    alice, bob = two_coders
    mine = _ids(alice)
    his = on_disk(bob / "reader.json")
    now = "2026-12-06T00:00:00+00:00"
    faked = {k: {**v, "sha256": "0" * 64} for k, v in his["articles"].items()}
    if articles == "our hashes, no texts":  # (the hashes read off a JSON export)
        faked = {k: {**v, "path": f"nowhere-{k}.txt"} for k, v in his["articles"].items()}
    his["articles"] = faked if articles != "none" else {}
    his["annotations"] = {}
    his["deleted"] = {str(n): {"id": k, "at": now} for n, k in enumerate(mine)}
    (bob / ".reader.json.journal").unlink(missing_ok=True)
    (bob / "reader.json").write_text(json.dumps(his), encoding="utf-8")
    result = run_reader("import", str(bob / "reader.json"), "--library", str(alice), "--json")
    assert json.loads(result.stdout)["deleted_as_there"] == 0, result.stderr
    assert _ids(alice) == mine


def test_a_file_of_deletions_saved_inside_our_own_library_deletes_nothing(
    two_coders: tuple[Path, Path],
) -> None:
    # a crafted copy of our database saved in our own library folder, its annotations all
    # listed as deleted: the folder holds every text it names, so the deletions were taken
    # and the library emptied (an attack on the mend)
    alice, _bob = two_coders
    mine = _ids(alice)
    crafted = on_disk(alice / "reader.json")
    crafted["annotations"] = {}
    now = "2026-12-06T00:00:00+00:00"
    crafted["deleted"] = {str(n): {"id": k, "at": now} for n, k in enumerate(mine)}
    (alice / "from-bob.json").write_text(json.dumps(crafted), encoding="utf-8")
    result = run_reader(
        "import",
        str(alice / "from-bob.json"),
        "--format",
        "reader",
        "--json",
        "--library",
        str(alice),
    )
    assert json.loads(result.stdout)["deleted_as_there"] == 0, result.stderr
    assert _ids(alice) == mine


def test_an_import_says_ours_stays_beside_their_newer_coding_not_only_in_a_backup(
    two_coders: tuple[Path, Path],
) -> None:
    """Bob edits alice's annotation (it becomes his); alice imports his file. Her coding
    stays, under a new id, beside his: the summary said "1 updated to their newer version
    (the versions replaced are kept in reader.json.before-import…)", as if hers were
    only in a backup, and counted hers among those imported (a newcomer's finding)."""
    from reader.core.records import edited
    from reader.storage.database import Store

    alice, bob = two_coders
    assert run_reader("import", str(alice / "reader.json"), "--library", str(bob)).returncode == 0
    his = Store(bob / "reader.json")
    [hers] = [a for a in his.annotations() if a.coder == "alice" and a.source == "Doug King"]
    change = edited(hers, themes=("policing",))
    later = _an_hour_on(hers.updated)
    his.save_annotation(msgspec.structs.replace(change, coder="bob", updated=later))
    his.close()
    result = run_reader("import", str(bob / "reader.json"), "--library", str(alice))
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("imported 2 annotations from")  # (his two; not hers again)
    assert "1 updated to their newer version, 1 of ours kept beside it under a new id" in line
    assert "versions replaced are kept in" not in line
    assert _coders(alice) == ["alice", "alice", "bob", "bob", "bob"]


def test_search_names_each_coder_when_the_results_are_several_coders(
    two_coders: tuple[Path, Path],
) -> None:
    """After a merge, two coders' copies of Doug King's quote were two rows alike, saying
    whose neither was (a newcomer's finding)."""
    alice, bob = two_coders
    assert run_reader("import", str(bob / "reader.json"), "--library", str(alice)).returncode == 0
    shown = run_reader("search", "source:king", "--library", str(alice)).stdout
    heads = [line for line in shown.splitlines() if "Doug King" in line and "·" in line]
    assert len(heads) == 2 and {h.rsplit(" · by ", 1)[1] for h in heads} == {"alice", "bob"}
    one = run_reader("search", "source:king", "coder:alice", "--library", str(alice)).stdout
    assert " · by " not in one  # (one coder: nothing to tell apart)


def test_a_filter_that_leaves_nothing_and_a_coder_no_one_is_are_said(
    two_coders: tuple[Path, Path],
) -> None:
    """ "have no article both coded" when it was the filter that left none, and `recode
    --from` a name no one has recoding 0 without a word (a newcomer's findings)."""
    alice, bob = two_coders
    assert run_reader("import", str(bob / "reader.json"), "--library", str(alice)).returncode == 0
    agreed = run_reader("agree", "alice", "bob", "source:nobody", "--library", str(alice))
    assert agreed.returncode == 0
    assert agreed.stdout.strip() == "no annotation of alice or bob matches the filter source:nobody"
    elsewhere = run_reader("agree", "alice", "bob", "article:warhol", "--library", str(alice))
    assert (
        elsewhere.stdout.strip()
        == "alice and bob have no article both coded with filter article:warhol"
    )
    typo = run_reader("recode", "--from", "alise", "--to", "ann", "--library", str(alice))
    assert typo.returncode == 0 and "recoded 0 annotations" in typo.stdout
    assert "no annotations by coder 'alise'; the coders are: alice (2), bob (2)" in typo.stderr
    # a search by a coder no one is says who there is (a researcher's coder:cia)
    found = run_reader("search", "coder:alise", "--library", str(alice))
    assert found.returncode == 0
    assert "No annotation is by that coder; the coders are: alice (2), bob (2)" in found.stderr


def test_import_of_a_teammates_library_folder_reads_its_reader_json(
    two_coders: tuple[Path, Path], tmp_path: Path
) -> None:
    """`reader import ../bob` (or an Obsidian export's folder) said "not a regular file (a
    folder, a pipe or a device)" (a newcomer's finding): a library folder's reader.json is
    read; another folder is refused saying what import reads."""
    alice, bob = two_coders
    merged = run_reader("import", str(bob), "--library", str(alice))
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.startswith(f"imported 2 annotations from {bob / 'reader.json'}")
    notes = tmp_path / "vault"
    notes.mkdir()
    refused = run_reader("import", str(notes), "--library", str(alice))
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "a folder; reader import reads one file (W3C, JSON" in refused.stderr
    (notes / "reader.json").symlink_to(tmp_path / "nowhere")  # (the folder's, though broken)
    broken = run_reader("import", str(notes), "--library", str(alice))
    assert broken.returncode == 1 and f"{notes / 'reader.json'}: cannot read it" in broken.stderr


def test_import_copies_an_article_only_the_other_coder_has(two_coders: tuple[Path, Path]) -> None:
    alice, bob = two_coders
    (bob / "new-story.txt").write_text("New story\n\n“We will see,” said Ann Lee.\n")
    tag_quotes(bob, [("new-story.txt", "We will see", "Ann Lee", ["waiting"])], coder="bob")
    result = run_reader("import", str(bob / "reader.json"), "--library", str(alice), "--json")
    summary = json.loads(result.stdout)
    assert summary["articles_copied"] == ["new-story.txt"] and summary["imported"] == 3
    assert (alice / "new-story.txt").read_text() == (bob / "new-story.txt").read_text()


def test_a_damaged_database_is_refused_in_one_line(library: Path, tmp_path: Path) -> None:
    bad = tmp_path / "reader.json"
    bad.write_text('{"meta": {"1": {"schema": 5}}, "articles": {"1": {"id": "x"}}}')
    result = run_reader("import", str(bad), "--library", str(library))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr
    assert "Traceback" not in result.stderr


def test_agree_reports_kappa_per_code_as_counted_by_hand(two_coders: tuple[Path, Path]) -> None:
    alice, bob = two_coders
    run_reader("import", str(bob / "reader.json"), "--library", str(alice))
    result = run_reader("agree", "alice", "bob", "--json", "--library", str(alice))
    assert result.returncode == 0, result.stderr
    rows = {row["code"]: row for row in json.loads(result.stdout)}
    text = (GOLD / ICE).read_text(encoding="utf-8").replace("\r\n", "\n")
    quote_start = text.index("Canada and Canadians must not")
    quote = text[quote_start : text.index("”", quote_start)]
    king = rows["Doug King"]
    assert (king["kappa"], king["agreement"], king["articles"]) == (1.0, 1.0, 1)
    assert king["a_chars"] == king["b_chars"] == king["both_chars"]
    sovereignty = rows["sovereignty"]
    assert (sovereignty["a_chars"], sovereignty["b_chars"]) == (len(quote), 0)
    # B never applied it: pB = 0, so pe = 1 - pA = po, and kappa is 0 (chance level).
    assert sovereignty["kappa"] == 0.0
    assert rows["same source"]["pairs"] == 2 and rows["same source"]["agreement"] == 1.0
    table = run_reader("agree", "alice", "bob", "--library", str(alice)).stdout.splitlines()
    assert table[0].startswith("alice (A) and bob (B) on the 1 article both coded (")
    assert f"({len(text):,} characters), " in table[0]  # what the figures are out of
    used = [row["kappa"] for row in rows.values() if row["kappa"] is not None]
    mean = f"mean kappa over the {len(used)} codes either coder used: {sum(used) / len(used):.3f}"
    assert any(line.startswith(mean) for line in table)
    # Codes both used first, lowest kappa first, then those one coder alone used (kappa 0:
    # hundreds of them came first and buried the codes that tell, at 846 sources)
    codes = [line.split()[0] for line in table[2:] if line.split()]
    assert codes.index("Doug") < codes.index("sovereignty")
    both = [
        r["kappa"]
        for r in rows.values()
        if r["kappa"] is not None and r["a_chars"] and r["b_chars"]
    ]
    assert any(f"over the {len(both)} code" in line for line in table if line.startswith("mean"))
    assert "text neither coded counts" in table[-1]  # what the percentage is, said under it
    assert any(line.startswith("quotations both tagged (overlapping") for line in table)
    # of passages alone, no quotation is paired: said as such, not "passages both tagged:
    # none" under a table of passages both coded (a research team's first week)
    from reader.storage.database import Store

    store = Store(alice / "reader.json")
    try:
        store.save_annotations(
            [msgspec.structs.replace(a, kind="passage") for a in store.annotations()]
        )
    finally:
        store.close()
    passages = run_reader("agree", "alice", "bob", "--library", str(alice))
    assert "quotations both tagged: none (the source is compared where" in passages.stdout


def test_agree_filtered_by_a_code_compares_over_the_articles_both_coded(
    two_coders: tuple[Path, Path],
) -> None:
    """`agree alice bob theme:sovereignty` said "no article both coded": the filter chose
    the articles too, so an article where one coder alone used the code dropped out, and
    with it the disagreement (a team's finding: a filter raised kappa from 0.417 to
    0.496). The code's row is the one of the unfiltered table."""
    alice, bob = two_coders
    run_reader("import", str(bob / "reader.json"), "--library", str(alice))

    def rows(*query: str) -> dict[str, dict[str, object]]:
        after = ("--", *query) if query else ()  # (a filter may open with "-")
        result = run_reader("agree", "alice", "bob", "--json", "--library", str(alice), *after)
        assert result.returncode == 0, result.stderr
        return {row["code"]: row for row in json.loads(result.stdout)}

    whole = rows()
    filtered = rows("theme:sovereignty")
    # the codes the filter names, each as the unfiltered table has it; not the other codes
    # of the passages it finds (Heather McPherson's row was shown, and the mean kappa
    # counted it: a team's finding; her row had once counted only those passages)
    assert set(filtered) == {"sovereignty", "same source"}
    assert filtered["sovereignty"] == whole["sovereignty"]
    assert set(rows('source:="Doug King"')) == {"Doug King", "same source"}
    assert rows('source:="Doug King"')["Doug King"] == whole["Doug King"]
    assert set(rows("source:heather")) == {"Heather McPherson", "same source"}
    # a term left out takes its codes away from the rest (it left none, an attack's finding)
    assert set(rows("-theme:sovereignty")) == set(whole) - {"sovereignty"}
    assert set(rows("-source:heather")) == set(whole) - {"Heather McPherson"}
    assert set(rows("source:heather", "theme:sovereignty")) == {
        "Heather McPherson",
        "sovereignty",
        "same source",
    }
    assert "sovereignty" not in rows("article:warhol")  # an article filter still chooses


def test_agree_names_the_coders_when_one_is_unknown(two_coders: tuple[Path, Path]) -> None:
    alice, _ = two_coders
    result = run_reader("agree", "alice", "carol", "--library", str(alice))
    assert result.returncode == 1
    assert "no annotations by coder 'carol' in " in result.stderr and "alice (2)" in result.stderr


def _git(repo: Path, *args: str, fails: bool = False) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=60
    )
    assert (done.returncode != 0) == fails, done.stdout + done.stderr
    return done.stdout


DRIVER = f"{sys.executable} -m reader merge-driver %O %A %B %P"


def _two_branches_coded(repo: Path) -> None:
    """A library committed in the git repository `repo` (its driver named in
    .gitattributes), then coded by bob on branch "bob" and by alice on "main"."""
    tag_quotes(repo, [("ice-canada-offices.txt", "Our collaboration benefits", "ICE", [])])
    (repo / ".gitattributes").write_text("reader.json merge=reader\n")
    (repo / ".gitignore").write_text(".reader.json.*\n.reader-backups/\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "checkout", "-q", "-b", "bob")
    tag_quotes(repo, [MCPHERSON_B], coder="bob")
    _git(repo, "commit", "-q", "-am", "bob codes")
    _git(repo, "checkout", "-q", "main")
    tag_quotes(repo, [KING], coder="alice")
    _git(repo, "commit", "-q", "-am", "alice codes")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_merges_two_coders_databases_with_the_merge_driver(library: Path) -> None:
    repo = library
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "merge.reader.driver", DRIVER)
    _two_branches_coded(repo)
    _git(repo, "merge", "-q", "--no-edit", "bob")
    assert _coders(repo) == ["", "alice", "bob"]
    status = subprocess.run(
        [sys.executable, "-m", "reader", "doctor", "--library", str(repo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert status.returncode == 0, status.stdout + status.stderr


def _in_codebook(folder: Path, *, rename: tuple[str, str] = ("", ""), **described: str) -> None:
    """Rename a theme as the codebook screen does, and describe sources (name=words)."""
    from reader.annotations.codebook_edits import THEME, apply_rename
    from reader.annotations.history import History
    from reader.storage.database import Store

    store = Store(folder / "reader.json")
    try:
        if rename[0]:
            apply_rename(History(store), THEME, [rename[0]], rename[1])
        for name, words in described.items():
            store.update_source(name.replace("_", " "), description=words)
    finally:
        store.close()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_theme_a_teammate_renamed_stays_renamed_and_a_description_both_changed_is_said(
    library: Path,
) -> None:
    # bob renamed "secrecy" to "government secrecy": after alice merged, both held an
    # empty "secrecy" again on a new quick key; and of two descriptions of one source, the
    # one of whoever merged won without a word (a research team's first week)
    repo = library
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "merge.reader.driver", DRIVER)
    tag_quotes(repo, [(ICE, "Their authority in Canada", "Doug King", ["secrecy", "policing"])])
    (repo / ".gitattributes").write_text("reader.json merge=reader\n")
    (repo / ".gitignore").write_text(".reader.json.*\n.reader-backups/\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "checkout", "-q", "-b", "bob")
    _in_codebook(repo, rename=("secrecy", "government secrecy"), Doug_King="RCMP, retired")
    _git(repo, "commit", "-q", "-am", "bob renames")
    _git(repo, "checkout", "-q", "main")
    tag_quotes(repo, [MCPHERSON_A], coder="alice")
    _in_codebook(repo, Doug_King="retired RCMP officer")
    _git(repo, "commit", "-q", "-am", "alice codes")
    merged = subprocess.run(
        ["git", "merge", "--no-edit", "bob"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
        },
        timeout=60,
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    data = on_disk(repo / "reader.json")
    themes = sorted(theme["name"] for theme in data["themes"].values())
    assert themes == ["government secrecy", "policing", "sovereignty"]
    described = {s["name"]: s["description"] for s in data["sources"].values()}
    assert described["Doug King"] == "retired RCMP officer"  # ours
    said = merged.stdout + merged.stderr
    assert "Doug King's description “retired RCMP officer”, theirs “RCMP, retired”" in said


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_reader_json_git_merged_without_the_driver_says_how_to_merge_it(library: Path) -> None:
    """Without the driver set up in a clone, git merges reader.json line by line and leaves
    its conflict markers: Reader said "not valid JSON" and pointed at `reader restore`,
    which would throw the merge away (a newcomer's finding). It now says what happened and
    what to do, and doing it as said merges both coders' work."""
    repo = library
    _git(repo, "init", "-q", "-b", "main")
    _two_branches_coded(repo)
    _git(repo, "merge", "-q", "--no-edit", "bob", fails=True)  # (no driver here: a conflict)
    listed = run_reader("list", "--library", str(repo))
    assert listed.returncode == 1
    [line] = listed.stderr.strip().splitlines()
    assert "git left its conflict markers" in line and "`git checkout -m reader.json`" in line
    assert "reader restore" not in line
    _git(
        repo,
        "config",
        "merge.reader.driver",
        f"{sys.executable} -m reader merge-driver %O %A %B %P",
    )
    _git(repo, "checkout", "-m", "reader.json")
    assert _coders(repo) == ["", "alice", "bob"]


def _their_article(bob: Path, data: dict, path: str, text: str) -> None:
    """Add to bob's database (as JSON) an article record naming `path`, of text `text`."""
    from reader.library.article_files import parse_article

    number = max(int(key) for key in data["articles"]) + 1
    data["articles"][str(number)] = {
        "id": number,
        "path": path,
        "title": path,
        "sha256": parse_article(text.encode(), ".txt", path).sha256,
    }


def test_import_copies_no_file_but_an_article_from_inside_their_folder(
    two_coders: tuple[Path, Path], tmp_path: Path
) -> None:
    alice, bob = two_coders
    before = on_disk(alice / "reader.json")["annotations"]
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "shadow.txt").write_text("root:x:0:0\n")
    (bob / "notes").symlink_to(secret)  # a link on the way out of their folder
    outside = tmp_path / "outside"
    outside.mkdir()
    (alice / "inbox").symlink_to(outside)  # a link on the way out of ours
    (bob / "inbox").mkdir()
    (bob / "inbox" / "new.txt").write_text("New\n\nA story.\n")
    (bob / ".hidden.txt").write_text("Hidden\n\nnot an article of theirs\n")
    (bob / ".reader-backups").mkdir(exist_ok=True)
    (bob / ".reader-backups" / "fake.txt").write_text("Fake\n\nbackup\n")
    (bob / "run-me.sh").write_text("echo hi\n")
    (bob / "changed.txt").write_text("Changed\n\nnot what they annotated\n")
    data = on_disk(bob / "reader.json")
    for path, text in [
        ("notes/shadow.txt", "root:x:0:0\n"),
        ("inbox/new.txt", "New\n\nA story.\n"),
        (".hidden.txt", "Hidden\n\nnot an article of theirs\n"),  # (".reader.json.journal")
        (".reader-backups/fake.txt", "Fake\n\nbackup\n"),
        ("run-me.sh", "echo hi\n"),
        ("changed.txt", "Changed\n\nas they annotated it\n"),
    ]:
        _their_article(bob, data, path, text)
    (bob / ".reader.json.journal").unlink(missing_ok=True)  # (folded into the file below)
    (bob / "reader.json").write_text(json.dumps(data), encoding="utf-8")
    result = run_reader("import", str(bob / "reader.json"), "--library", str(alice), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles_copied"] == []
    assert not (alice / "notes").exists() and not list(outside.iterdir())
    assert not (alice / ".reader-backups" / "fake.txt").exists()
    assert not (alice / "run-me.sh").exists() and not (alice / "changed.txt").exists()
    assert not (alice / ".hidden.txt").exists()
    after = on_disk(alice / "reader.json")["annotations"]
    assert set(before) <= set(after)  # nothing of ours lost


def test_an_import_that_replaces_an_annotation_keeps_a_backup_first(
    tagged_library: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "mine.json"
    run_reader("export", "-f", "json", "-o", str(exported), "--library", str(tagged_library))
    document = json.loads(exported.read_text(encoding="utf-8"))
    first = document["annotations"][0]
    before = first["source"]
    first["source"], first["note"] = "EVIL", "overwritten"
    first["updated"] = _an_hour_on(first["updated"])
    crafted = tmp_path / "crafted.json"
    crafted.write_text(json.dumps(document), encoding="utf-8")
    result = run_reader("import", str(crafted), "--library", str(tagged_library))
    assert result.returncode == 0, result.stderr
    assert "1 updated to their newer version (the versions replaced are kept in" in result.stdout
    (backup,) = (tagged_library / ".reader-backups").glob("reader.json.before-import.*.json")
    kept = json.loads(backup.read_text(encoding="utf-8"))["annotations"]
    assert before in {a["source"] for a in kept.values()}


def _an_hour_on(stamp: str) -> str:
    from datetime import datetime, timedelta

    return (datetime.fromisoformat(stamp) + timedelta(hours=1)).isoformat()


def test_one_annotation_already_there_is_said_in_the_singular(
    two_coders: tuple[Path, Path], tmp_path: Path
) -> None:
    alice, bob = two_coders
    one = tmp_path / "one.json"
    assert run_reader("export", "-f", "json", "-o", str(one), "--library", str(bob), "King")
    first = run_reader("import", str(one), "--library", str(alice))
    again = run_reader("import", str(one), "--library", str(alice))
    assert "imported 1 annotation" in first.stdout
    assert "1 was already there" in again.stdout


def test_the_merge_driver_refuses_a_side_that_lost_an_articles_record(
    tagged_library: Path, tmp_path: Path
) -> None:
    # (a hand-resolved conflict: their file lost the ICE article's record, its annotations
    # kept; merged, they read as deleted there and were deleted from ours, exit 0)
    base = tmp_path / "base.json"
    shutil.copy(tagged_library / "reader.json", base)
    ours = tmp_path / "ours.json"
    shutil.copy(base, ours)
    theirs = tmp_path / "theirs.json"
    data = json.loads(base.read_text(encoding="utf-8"))
    [annotation, *_] = data["annotations"].values()
    for key in [k for k, a in data["articles"].items() if a["id"] == annotation["article_id"]]:
        del data["articles"][key]
    theirs.write_text(json.dumps(data), encoding="utf-8")
    before = ours.read_bytes()
    result = run_reader("merge-driver", str(base), str(ours), str(theirs), "reader.json")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "name an article the file does not hold" in result.stderr
    assert str(theirs) in result.stderr and result.stderr.count("\n") == 1
    assert ours.read_bytes() == before  # git keeps the conflict; nothing is lost


def _edit(folder: Path, words: str, coder: str, **changes: object) -> None:
    """Edit the annotation whose quote starts with `words` as `coder` would in the app."""
    from reader.core.records import now
    from reader.storage.database import Store

    store = Store(folder / "reader.json")
    try:
        [found] = [a for a in store.annotations() if a.quote.startswith(words)]
        changes.setdefault("updated", now())
        store.save_annotation(msgspec.structs.replace(found, coder=coder, **changes))  # type: ignore[arg-type]
    finally:
        store.close()


def _annotations(folder: Path) -> list[tuple[str, str, tuple[str, ...], str]]:
    return sorted(
        (doc["coder"], doc["source"] or "", tuple(doc["themes"]), doc["note"])
        for doc in on_disk(folder / "reader.json")["annotations"].values()
    )


def test_names_spelled_otherwise_in_our_codebook_never_bring_a_copy_in_twice(
    library: Path,
) -> None:
    """cia's codebook spells alice's "Doug king"/"Public Safety" otherwise; after cia edited
    alice's annotation, every import of alice's unchanged file added one more copy of
    alice's version (a team's finding: three imports, three copies)."""
    alice, cia = _copy(library, "alice"), _copy(library, "cia")
    tag_quotes(alice, [(ICE, "Their authority in Canada", "Doug king", ["Public Safety"])], "alice")
    spelled = (ICE, "Canada and Canadians must not", "Doug King", ["public safety"])
    tag_quotes(cia, [spelled], coder="cia")  # cia's codebook: "Doug King", "public safety"
    assert run_reader("import", str(alice), "--library", str(cia)).returncode == 0
    _edit(cia, "Their authority", "cia", note="cia: checked against the video")
    first = run_reader("import", str(alice), "--library", str(cia))
    assert first.returncode == 0, first.stderr
    after_first = _annotations(cia)
    for _ in range(2):
        again = run_reader("import", str(alice), "--library", str(cia))
        assert "imported 0 annotations" in again.stdout, again.stdout
    assert _annotations(cia) == after_first
    assert sum(1 for coder, *_ in after_first if coder == "alice") == 1  # alice's, kept once


def test_a_version_two_teammates_kept_beside_theirs_has_one_id_in_both(library: Path) -> None:
    """alice and bob number the articles differently; each kept alice's older version
    beside bob's under an id made from the article's number, so each merge afterwards
    brought the other's copy in as a second one (a team's finding)."""
    from reader.storage.database import Store

    alice, bob = _copy(library, "alice"), _copy(library, "bob")
    tag_quotes(bob, [KING], coder="bob")
    assert run_reader("import", str(bob), "--library", str(alice)).returncode == 0
    _edit(alice, "Their authority", "alice", note="alice's reading")
    # bob's library numbers its articles otherwise (as if added in another order)
    store = Store(bob / "reader.json")
    try:
        numbers = {r.id for r in store.articles()}
    finally:
        store.close()
    document = json.loads((bob / "reader.json").read_text(encoding="utf-8"))
    shift = {str(n): str(n + 100) for n in numbers}
    document["articles"] = {
        shift[k]: {**v, "id": int(shift[k])} for k, v in document["articles"].items()
    }
    for doc in document["annotations"].values():
        doc["article_id"] += 100
    (bob / "reader.json").write_text(json.dumps(document), encoding="utf-8")
    _edit(bob, "Their authority", "bob", note="bob's reading")
    assert run_reader("import", str(alice), "--library", str(bob)).returncode == 0
    assert run_reader("import", str(bob), "--library", str(alice)).returncode == 0
    assert sorted(_ids(alice)) == sorted(_ids(bob))
    again = run_reader("import", str(bob), "--library", str(alice))
    assert "imported 0 annotations" in again.stdout, again.stdout
    assert len(_ids(alice)) == 2


def test_a_note_an_older_version_held_is_named_when_a_newer_one_supersedes_it(
    library: Path,
) -> None:
    """cia wrote a note; a second later alice renamed the theme in her codebook (the
    rename keeps the coder, so alice's copy became cia's newer version) and the import
    dropped cia's note without a word (a team's finding). The merge cannot know which
    change came last without their common ancestor; it now says which note it dropped."""
    from reader.annotations.codebook_edits import rename_edits
    from reader.storage.database import Store

    alice, cia = _copy(library, "alice"), _copy(library, "cia")
    tag_quotes(cia, [(ICE, "Their authority in Canada", "Doug King", ["transit/fares"])], "cia")
    assert run_reader("import", str(cia), "--library", str(alice)).returncode == 0
    _edit(
        cia,
        "Their authority",
        "cia",
        note="cia: checked against the video",
        updated="2026-12-01T10:00:00+00:00",
    )
    store = Store(alice / "reader.json")
    try:
        edits = rename_edits(store.annotations(), "theme", ["transit"], "mobility")
        later = "2026-12-01T10:00:01+00:00"  # (a second later, in alice's library)
        store.save_annotations(
            [msgspec.structs.replace(e.after, updated=later) for e in edits if e.after]
        )
    finally:
        store.close()
    merged = run_reader("import", str(cia), "--library", str(alice))
    assert merged.returncode == 0, merged.stderr
    assert "the note of 1 older version by the same coder is not kept" in merged.stdout
    assert "“cia: checked against the video”" in merged.stdout


def test_a_passage_deleted_and_tagged_again_alike_comes_in_as_the_new_annotation(
    library: Path,
) -> None:
    """In a copy, alice deleted her annotation and tagged the passage again alike; the
    import took the new one for ours "already there", then took the deletion: the library
    held neither (an attack on this stop's own change)."""
    from reader.storage.database import Store

    alice = _copy(library, "alice")
    tag_quotes(alice, [KING], coder="alice")
    other = _copy(alice, "laptop")
    store = Store(other / "reader.json")
    try:
        [old] = store.annotations()
        store.delete_annotation(old.id)
    finally:
        store.close()
    tag_quotes(other, [KING], coder="alice")
    result = run_reader("import", str(other), "--library", str(alice))
    assert result.returncode == 0, result.stderr
    assert _ids(alice) == _ids(other) and len(_ids(alice)) == 1


def test_a_second_annotation_tagged_alike_in_a_copy_comes_in(library: Path) -> None:
    """On her laptop alice retagged X and tagged its old reading again (a new id); the
    import took the new one for X "already there" until a later import (an attack)."""
    from reader.storage.database import Store

    alice = _copy(library, "alice")
    tag_quotes(alice, [KING], coder="alice")
    laptop = _copy(alice, "laptop")
    _edit(laptop, "Their authority", "alice", themes=("oversight",))
    tag_quotes(laptop, [KING], coder="alice")
    assert run_reader("import", str(laptop), "--library", str(alice)).returncode == 0
    assert _ids(alice) == _ids(laptop) and len(_ids(alice)) == 2
    store = Store(alice / "reader.json")
    try:
        assert sorted(a.themes for a in store.annotations()) == [("oversight",), ("public safety",)]
    finally:
        store.close()


def test_a_version_an_earlier_reader_kept_beside_is_not_kept_again(library: Path) -> None:
    """Copies kept beside had ids made from all of their record; this stop makes them from
    what two libraries agree on. A copy an earlier Reader kept must not come in again,
    under its new id, at the next import of the same file."""
    import uuid

    from reader.core import merge_rule
    from reader.storage.database import Store

    alice = _copy(library, "alice")
    tag_quotes(alice, [KING], coder="alice")
    bob = _copy(alice, "bob")
    _edit(alice, "Their authority", "alice", note="alice's reading")
    _edit(bob, "Their authority", "bob", note="bob's reading", updated="2026-02-02T00:00:00+00:00")
    store = Store(alice / "reader.json")
    try:  # bob's older version kept beside as an earlier Reader did, under its old id
        bobs = Store(bob / "reader.json")
        try:
            [theirs] = [a for a in bobs.annotations() if a.quote.startswith("Their authority")]
        finally:
            bobs.close()
        mine = next(a for a in store.annotations() if a.id == theirs.id)
        theirs = msgspec.structs.replace(theirs, article_id=mine.article_id)
        encoded = merge_rule._ENCODER.encode(theirs).decode()
        old_id = uuid.uuid5(merge_rule._COPY_NAMESPACE, encoded).hex
        store.save_annotation(msgspec.structs.replace(theirs, id=old_id))
    finally:
        store.close()
    before = _ids(alice)
    again = run_reader("import", str(bob), "--library", str(alice))
    assert again.returncode == 0, again.stderr
    assert _ids(alice) == before


def test_a_teammates_other_story_under_our_articles_name_is_copied_in_beside_it(
    tmp_path: Path,
) -> None:
    """Two "Letters to the editor" of two days, one file name: bob's quote, which both
    letters hold, was laid on ann's Monday letter without a word, and his Tuesday letter
    never came in (an attack's finding). His story now comes in beside ours, under a free
    name, with his annotation on it; an edited copy of our story still takes his onto ours."""
    ann, bob = tmp_path / "ann", tmp_path / "bob"
    ann.mkdir()
    bob.mkdir()
    name = "letters-to-the-editor.txt"
    (ann / name).write_text(
        "Letters to the editor\n\nMonday. A reader from the north end writes: “Nobody asked "
        "us about the harbour wall,” and we agree with her entirely.\n\nAnother says the "
        "budget is fine and the mayor should be left alone to do her job.\n",
        encoding="utf-8",
    )
    (bob / name).write_text(
        "Letters to the editor\n\nTuesday. A reader from the south end writes: “Nobody asked "
        "us about the harbour wall,” and the council should listen for once.\n\nAnother "
        "says the new tax on boats is far too high for families on the coast.\n",
        encoding="utf-8",
    )
    tag_quotes(bob, [(name, "Nobody asked us", "South-end reader", [])], coder="bob")
    done = run_reader("import", str(bob / "reader.json"), "--library", str(ann))
    assert done.returncode == 0, done.stderr
    copy = ann / "letters-to-the-editor-2.txt"
    assert copy.read_bytes() == (bob / name).read_bytes()
    found = run_reader("search", "--json", "", "--library", str(ann))
    [annotation] = json.loads(found.stdout)
    assert annotation["source"] == "South-end reader"
    assert annotation["article"] == copy.name
    assert (ann / name).read_text(encoding="utf-8").startswith("Letters to the editor\n\nMonday")
    carol = tmp_path / "carol"  # ann's Monday letter, one word corrected: the same story
    carol.mkdir()
    edited = (ann / name).read_text(encoding="utf-8").replace("entirely", "wholly")
    (carol / name).write_text(edited, encoding="utf-8")
    tag_quotes(carol, [(name, "Nobody asked us", "North-end reader", [])], coder="carol")
    assert run_reader("import", str(carol / "reader.json"), "--library", str(ann)).returncode == 0
    assert not (ann / "letters-to-the-editor-3.txt").exists()
    found = json.loads(run_reader("search", "--json", "north", "--library", str(ann)).stdout)
    assert [a["article"] for a in found] == [name]


def test_a_quick_key_follows_a_theme_a_teammate_renamed(library: Path) -> None:
    """alice renamed "public safety" to "safety/public"; bob merged her library in, and his
    key 3 stayed on the old name, unused and hidden from his codebook, and tagged it (a
    team newcomer's finding). The key goes to the new name, as in her library."""
    from reader.core.records import edited
    from reader.storage.database import Store

    bob = _copy(library, "bob")
    tag_quotes(
        bob,
        [KING, (ICE, "Canada and Canadians must not", "Heather McPherson", ["public safety", "x"])],
        coder="bob",
    )
    store = Store(bob / "reader.json")
    store.set_theme_key("public safety", 3)
    store.remember_tag("Doug King", ["public safety"])  # (what `.` repeats, too)
    store.close()
    alice = _copy(bob, "alice")
    store = Store(alice / "reader.json")
    for annotation in store.annotations():  # (the codebook's rename, as the app makes it)
        themes = ["safety/public" if t == "public safety" else t for t in annotation.themes]
        store.save_annotation(edited(annotation, themes=themes))
    store.close()
    done = run_reader("import", str(alice / "reader.json"), "--library", str(bob))
    assert done.returncode == 0, done.stderr
    store = Store(bob / "reader.json")
    try:
        assert store.quick_themes()[3] == "safety/public"
        assert store.last_tag() == ("Doug King", ("safety/public",))
        # the old name leaves the codebook as git's merge driver takes it out: the tag
        # dialog went on offering it (a second team's finding)
        assert store.theme("public safety") is None and store.theme("safety/public")
        assert store.theme("x") is not None  # (a theme still used stays)
    finally:
        store.close()


def test_a_teammates_letters_page_under_our_name_comes_in_once_and_stays(tmp_path: Path) -> None:
    """Letters pages of two days with the same header and footer shared most of their words,
    so bob's letter was taken for ours and his quote left an orphan on it; and a copy made
    at one import, edited here, came in again as a third copy at the next, his annotation
    moving to it (attacks' findings)."""
    ann, bob = tmp_path / "ann", tmp_path / "bob"
    ann.mkdir()
    bob.mkdir()
    name = "letters.txt"
    header = (
        "Letters to the editor\n\nSend your letters to the editor by post or by email. Keep "
        "them under two hundred words, and give your name, address and telephone number. We "
        "reserve the right to edit letters for length and clarity, and we regret that we "
        "cannot acknowledge or return the letters we do not publish.\n\n"
    )
    (ann / name).write_text(header + "John Smith writes: “The bridge is a disgrace.”\n")
    (bob / name).write_text(header + "Mary Jones writes: “Our school needs a library now.”\n")
    tag_quotes(bob, [(name, "Our school needs", "Mary Jones", [])], coder="bob")
    lib = ("--library", str(ann))
    assert run_reader("import", str(bob / "reader.json"), *lib).returncode == 0
    copy = ann / "letters-2.txt"
    assert copy.read_bytes() == (bob / name).read_bytes()
    copy.write_text(copy.read_text().replace("library now", "library, now"))  # edited here
    assert run_reader("list", *lib).returncode == 0
    again = run_reader("import", str(bob / "reader.json"), *lib)
    assert again.returncode == 0, again.stderr
    assert not (ann / "letters-3.txt").exists()
    [annotation] = json.loads(run_reader("search", "--json", "", *lib).stdout)
    assert annotation["article"] == copy.name and not annotation.get("orphaned")


def test_a_teammates_typo_fix_inside_their_quote_still_takes_their_tag_onto_ours(
    tmp_path: Path,
) -> None:
    """bob mended "sprign" inside the quote he tagged: the quote was in his text and not
    in ours, so his story came in as council-2.txt, though the same (an attack's finding)."""
    ann, bob = tmp_path / "ann", tmp_path / "bob"
    ann.mkdir()
    bob.mkdir()
    story = "Council approves bridge\n\n" + " ".join(
        f"The council met for the {n}th time this year and approved item {n} of the budget."
        for n in range(1, 30)
    )
    (ann / "council.txt").write_text(story + "\n\n“The bridge will open in the sprign.”\n")
    (bob / "council.txt").write_text(story + "\n\n“The bridge will open in the spring.”\n")
    tag_quotes(bob, [("council.txt", "The bridge will open", "Jo Park", [])], coder="bob")
    done = run_reader("import", str(bob / "reader.json"), "--json", "--library", str(ann))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles_copied"] == []
    assert not (ann / "council-2.txt").exists()


def test_agree_shows_a_row_for_each_code_named(two_coders: tuple[Path, Path]) -> None:
    """`theme:sovereignty theme:accountability` asked for annotations carrying both and
    said none matched; `source:"Heather McPherson"` typed in bash reached Reader as
    `source:Heather McPherson`, whose "McPherson" narrowed the annotations compared (a
    team's findings)."""
    alice, bob = two_coders
    run_reader("import", str(bob / "reader.json"), "--library", str(alice))

    def rows(*query: str) -> dict[str, dict[str, object]]:
        result = run_reader("agree", "alice", "bob", "--json", "--library", str(alice), *query)
        assert result.returncode == 0, result.stderr
        return {row["code"]: row for row in json.loads(result.stdout)}

    whole = rows()
    both = rows("theme:sovereignty", "theme:accountability")
    assert set(both) == {"sovereignty", "accountability", "same source"}
    assert both["sovereignty"] == whole["sovereignty"]
    named = rows("source:Heather McPherson", "theme:sovereignty")  # (bash's one word)
    assert set(named) == {"Heather McPherson", "sovereignty", "same source"}
    assert named["Heather McPherson"] == whole["Heather McPherson"]
    assert named["same source"] == whole["same source"]


def test_an_article_deeper_than_the_library_reads_is_never_copied_in(
    library: Path, tmp_path: Path
) -> None:
    """Their reader.json naming its article five folders deep: the import copied the file
    into our library, where the scan (four folders deep) never lists it, and said both "1
    article copied" and "not in the library", at every import (an attacker's finding)."""
    theirs = _copy(library, "theirs")
    tag_quotes(theirs, [KING], coder="bob")
    deep = theirs / "a" / "b" / "c" / "d" / "e"
    deep.mkdir(parents=True)
    (theirs / ICE).rename(deep / ICE)
    data = json.loads((theirs / "reader.json").read_text(encoding="utf-8"))
    for record in data["articles"].values():
        if record["path"] == ICE:
            record["path"] = f"a/b/c/d/e/{ICE}"
    (theirs / "reader.json").write_text(json.dumps(data), encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    result = run_reader("import", str(theirs / "reader.json"), "--library", str(mine))
    assert "1 not imported, their article not in the library" in result.stdout
    assert not (mine / "a").exists() and not list(mine.rglob(ICE))
