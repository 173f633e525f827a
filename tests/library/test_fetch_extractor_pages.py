"""The blind set of extractors' fixture pages (bench/fetch_extractor_pages.py): each page is read
at its pinned commit and path, checked against its sum, and written with its gold text."""

from __future__ import annotations

import csv
import gzip
import hashlib
import re
import subprocess
from pathlib import Path

from bench.extraction import gold_pages
from bench.fetch_extractor_pages import PAGES, build

PAGE = b"<html lang='en'><body><article><p>The story of the day, told in full.</p></article></body></html>"
OTHER = b"<html><body><p>Another story from another site entirely.</p></body></html>\n"


def _mirror(tmp_path: Path, name: str, files: dict[str, bytes], bare: bool = True) -> str:
    """`files` committed as repository `name` in a mirror folder at tmp_path/mirror (a bare
    copy, or a clone with its .git inside as the fetch tool leaves some); its commit."""
    work = tmp_path / "work" / name.replace("/", "+")
    for path, data in files.items():
        (work / path).parent.mkdir(parents=True, exist_ok=True)
        (work / path).write_bytes(data)

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(work), *args], capture_output=True, check=True, text=True
        ).stdout.strip()

    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "fixtures")
    copy = tmp_path / "mirror" / name.replace("/", "+") / "repo"
    subprocess.run(
        ["git", "clone", "-q", *(["--bare"] if bare else []), str(work), str(copy)], check=True
    )
    return git("rev-parse", "HEAD")


def _row(name: str, site: str, repo: str, commit: str, path: str, data: bytes) -> dict[str, str]:
    return {
        "file": name,
        "site": site,
        "url": f"https://www.{site}/story/1",
        "repo": repo,
        "commit": commit,
        "path": path,
        "licence": "MIT",
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def _set(tmp_path: Path) -> tuple[list[dict[str, str]], Path]:
    """Two pages of two repositories (one mirrored as a clone, not a bare copy), and a folder
    of their gold texts."""
    first = _mirror(tmp_path, "o/one", {"test/fixtures/page.html": PAGE})
    second = _mirror(tmp_path, "o/two", {"sites/other.co.uk.html": OTHER}, bare=False)
    rows = [
        _row("story-aaaaaa", "story.com", "o/one", first, "test/fixtures/page.html", PAGE),
        _row("other-bbbbbb", "other.co.uk", "o/two", second, "sites/other.co.uk.html", OTHER),
    ]
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "story-aaaaaa.txt").write_bytes(b"The story of the day, told in full.\n")
    (gold / "other-bbbbbb.txt").write_bytes("Another story \u2013 from another site.\r\n".encode())
    return rows, gold


def test_each_page_is_written_with_its_gold_and_an_index_that_names_its_site(
    tmp_path: Path,
) -> None:
    rows, gold = _set(tmp_path)
    out = tmp_path / "out"

    assert build(rows, tmp_path / "mirror", tmp_path / "cache", out, gold) == []

    folder = out / "test"
    assert gzip.decompress((folder / "story-aaaaaa.html.gz").read_bytes()) == PAGE
    assert gzip.decompress((folder / "other-bbbbbb.html.gz").read_bytes()) == OTHER
    for name in ("story-aaaaaa", "other-bbbbbb"):  # the gold copied byte for byte
        assert (folder / f"{name}.txt").read_bytes() == (gold / f"{name}.txt").read_bytes()
    pages = {page.name: page for page in gold_pages(folder)}
    assert sorted(pages) == ["other-bbbbbb", "story-aaaaaa"]
    assert pages["other-bbbbbb"].site == "other.co.uk"  # not guessed from the name
    assert pages["story-aaaaaa"].dataset == "one"
    assert not pages["story-aaaaaa"].near_zyte
    with (out / "index.csv").open(encoding="utf-8", newline="") as handle:
        index = {row["file"]: row for row in csv.DictReader(handle)}
    assert index["story-aaaaaa"]["source"] == "o/one:test/fixtures/page.html"
    assert index["story-aaaaaa"]["licence"] == "MIT"
    assert index["story-aaaaaa"]["site_seen"] == ""


def test_a_page_whose_bytes_are_not_its_sum_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    rows, gold = _set(tmp_path)
    rows[1]["sha256"] = hashlib.sha256(b"another version of the page").hexdigest()
    out = tmp_path / "out"

    problems = build(rows, tmp_path / "mirror", tmp_path / "cache", out, gold)

    assert len(problems) == 1
    assert problems[0].startswith("other-bbbbbb: the page at o/two @ ")
    assert (
        f"has sha256 {hashlib.sha256(OTHER).hexdigest()}, not {rows[1]['sha256']}" in (problems[0])
    )
    assert "refused" in problems[0]
    assert not (out / "test").exists() and not (out / "index.csv").exists()


def test_an_absent_page_or_gold_text_is_reported(tmp_path: Path) -> None:
    rows, gold = _set(tmp_path)
    rows[0]["path"] = "test/fixtures/gone.html"
    (gold / "other-bbbbbb.txt").unlink()

    problems = build(rows, tmp_path / "mirror", tmp_path / "cache", tmp_path / "out", gold)

    assert len(problems) == 2
    assert problems[0].startswith(
        f"story-aaaaaa: no page at o/one @ {rows[0]['commit'][:12]}: test/fixtures/gone.html"
    )
    assert problems[1].startswith("other-bbbbbb: no gold text ")
    assert not (tmp_path / "out" / "test").exists()


def test_the_committed_list_is_twenty_pages_of_twenty_sites_each_with_its_gold() -> None:
    with (PAGES / "index.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 20
    assert len({row["site"] for row in rows}) == 20
    assert len({row["repo"] for row in rows}) == 9
    assert {row["licence"] for row in rows} == {"MIT", "Apache-2.0"}
    for row in rows:
        # NAME: the registered domain's label, then the first 6 hex digits of the page's sum
        assert re.fullmatch(r"[a-z0-9]+-[0-9a-f]{6}", row["file"])
        assert re.fullmatch(r"[0-9a-f]{64}", row["sha256"])
        assert row["file"].endswith("-" + row["sha256"][:6])
        assert re.fullmatch(r"[0-9a-f]{40}", row["commit"])
        text = (PAGES / f"{row['file']}.txt").read_text(encoding="utf-8")
        assert len(text.split()) >= 100 and text.endswith("\n")
    assert sorted(p.stem for p in PAGES.glob("*.txt")) == sorted(row["file"] for row in rows)
