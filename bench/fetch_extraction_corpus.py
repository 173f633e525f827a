"""Rebuild the multi-site extraction corpus into bench/.data/extraction/ (not committed).

    python -m bench.fetch_extraction_corpus            # fetch the sources from GitHub
    python -m bench.fetch_extraction_corpus --mirror /work/.mirror   # or local bare copies

1,239 English news and article pages from 716 sites, with their hand-cleaned story text,
from six public datasets: L3S-GN1, Dragnet, CleanEval (+ CleanPortalEval), Readability's
test pages, and Utomo & Leu's Big9 and Chaos sets. `bench/extraction_corpus.csv` lists
each page: its set, name, dataset and id, site, news tier, and where its page and gold
text are in the source repositories (pinned commits below). Pages are split by site, so
no site is in both sets: `dev` (491 pages, 296 sites) to work on, `test` (748 pages, 420
sites) scored blind, once (`python -m bench.extraction --blind corpus-test`).

The pages are NOT in the repository: L3S-GN1 and Utomo's sets are for research use only,
Dragnet's data is AGPL-3.0, CleanEval's licence is unstated (Readability's is Apache-2.0).
This script fetches them for local measurement only.

How the list was made (the selection is recorded, not recomputed): a page's site is its
registrable domain (eTLD+1); sha256("reader-corpus-split-v1|" + site) % 100 < 45 puts the
site in dev, else in test; pages kept: a news signal in the dataset's own category,
JSON-LD or og:type (article) or a news URL, gold of 30+ words, English, 80% of the gold's
words in the page, no duplicates, at most 5 pages a site, none of Zyte's benchmark pages.
Gold conventions differ by dataset (L3S: story body only, no captions; Dragnet: bylines
and captions often kept; Readability: Readability.js's own output; CleanEval: everything
not boilerplate): `index.csv`'s `dataset` column lets a score be split by them. The gold's
first line is dropped where it is the page's headline (`title_stripped`).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html as html_module
import io
import re
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
MANIFEST = ROOT / "extraction_corpus.csv"
OUT = ROOT / ".data" / "extraction"


@dataclass(frozen=True)
class Source:
    repo: str  # owner/name on GitHub
    commit: str
    tarball: str = ""  # or a .tar.gz in the repository that holds the files


SOURCES = {
    "l3s": Source("geodrome/page-signal", "186d8153b3d111f84865ddc180600a9cbe35ac7f"),
    "jszulc": Source(
        "j-szulc/html-cleaning-dataset-merged", "46e01a04b47051838a228bf23631430b2c9de375"
    ),
    "dragnet-gold": Source(
        "seomoz/dragnet_data",
        "95559bee8812387d8e2cca2e8090004319ab9602",
        tarball="dragnet_Corrected.tar.gz",
    ),
    "msv": Source("MSVCode/ir-research-data", "cbb428cea48e1392496a6542b610fb422a436b52"),
    "readability": Source("mozilla/readability", "ab4027a8b37669745016869a37a504727992b2ba"),
}


# --- reading the sources ---------------------------------------------------------------------


class Repository:
    """Files of one source at its pinned commit, read from a bare git directory."""

    def __init__(self, source: Source, mirror: Path | None, cache: Path) -> None:
        self.source = source
        name = source.repo.replace("/", "+")
        if mirror is not None:
            self.git_dir = mirror / name / "repo"
            if (self.git_dir / ".git").is_dir():  # a copy with a work tree: its git directory
                self.git_dir = self.git_dir / ".git"
        else:
            self.git_dir = cache / f"{name}.git"
            self._fetch()
        self._tar: dict[str, bytes] | None = None

    def _fetch(self) -> None:
        """The pinned commit only (no history, no other branch) into a bare directory."""
        if not self._has_commit():
            print(f"fetching {self.source.repo} @ {self.source.commit[:12]}", file=sys.stderr)
            subprocess.run(["git", "init", "-q", "--bare", str(self.git_dir)], check=True)
            url, commit = f"https://github.com/{self.source.repo}.git", self.source.commit
            subprocess.run(
                ["git", f"--git-dir={self.git_dir}", "fetch", "-q", "--depth=1", url, commit],
                check=True,
            )

    def _has_commit(self) -> bool:
        if not self.git_dir.exists():
            return False
        found = subprocess.run(
            [
                "git",
                f"--git-dir={self.git_dir}",
                "cat-file",
                "-e",
                f"{self.source.commit}^{{commit}}",
            ],
            capture_output=True,
        )
        return found.returncode == 0

    def _blob(self, path: str) -> bytes:
        return subprocess.run(
            ["git", f"--git-dir={self.git_dir}", "show", f"{self.source.commit}:{path}"],
            capture_output=True,
            check=True,
        ).stdout

    def read(self, path: str) -> bytes:
        if self.source.tarball:
            if self._tar is None:
                with tarfile.open(fileobj=io.BytesIO(self._blob(self.source.tarball))) as tar:
                    self._tar = {
                        member.name: tar.extractfile(member).read()  # type: ignore[union-attr]
                        for member in tar.getmembers()
                        if member.isfile()
                    }
            return self._tar[path]
        return self._blob(path)


# --- the gold texts, one paragraph a line -----------------------------------------------------

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2028\u2029\u0085]+")


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _paragraphs(lines: Iterable[str]) -> list[str]:
    return [p for p in (_SPACES.sub(" ", line).strip() for line in lines) if p]


_CLEANEVAL_MARK = re.compile(r"\s*<([phlPHL])>\s?")


def gold_cleaneval(raw: bytes) -> list[str]:
    """CleanEval: without the URL line, split at the <p>/<h>/<l> block marks, unwrapped."""
    text = re.sub(r"^\s*URL:[^\n]*\n", "", _decode(raw), count=1)
    parts = _CLEANEVAL_MARK.split(text)
    blocks = [parts[0]] + [parts[i] for i in range(2, len(parts), 2)]
    return _paragraphs(html_module.unescape(block.replace("\n", " ")) for block in blocks)


_DRAGNET_COMMENTS = re.compile(r"^[ \t]*[!@#$%^&*() \t]{3,}COMMENTS[ \t]*$", re.M)


def gold_dragnet(raw: bytes) -> list[str]:
    """Dragnet: the article is what comes before the COMMENTS separator line."""
    return _paragraphs(_DRAGNET_COMMENTS.split(_decode(raw), maxsplit=1)[0].splitlines())


def gold_lines(raw: bytes) -> list[str]:
    """Utomo Big9 and Chaos: plain text, one paragraph a line."""
    return _paragraphs(_decode(raw).replace("\u0085", "\n").splitlines())


_BLOCK_NAMES = (
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li "
    "main menu nav noscript ol p pre section summary table tbody td tfoot th thead tr ul br"
)
_HTML_BLOCKS = frozenset(_BLOCK_NAMES.split())
_HIDDEN = frozenset({"script", "style", "template", "head", "title", "noscript"})


def gold_readability(raw: bytes) -> list[str]:
    """Readability's expected output: a paragraph at every HTML block element."""
    from lxml import html

    parts: list[str] = []

    def walk(element: object) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""  # type: ignore[attr-defined]
        tail = element.tail  # type: ignore[attr-defined]
        if tag.lower() in _HIDDEN:
            if tail:
                parts.append(tail)
            return
        block = tag.lower() in _HTML_BLOCKS
        if block:
            parts.append("\n")
        if element.text and tag:  # type: ignore[attr-defined]
            parts.append(element.text)  # type: ignore[attr-defined]
        for child in element:  # type: ignore[attr-defined]
            walk(child)
        if block:
            parts.append("\n")
        if tail:
            parts.append(tail)

    walk(html.fromstring(_decode(raw)))
    return _paragraphs("".join(parts).split("\n"))


def gold_l3s(raw: bytes) -> list[str]:
    """L3S-GN1: the spans marked full text (x-nc-sel2) only, not the headline (sel1),
    captions (sel3), related links (sel4) or comments (sel5); spans under one block element
    make one paragraph."""
    from lxml import html

    out: list[str] = []
    last_block = None
    for span in html.fromstring(_decode(raw)).iter("span"):
        if "x-nc-sel2" not in (span.get("class") or "").split():
            continue
        outer = span.getparent()
        nested = False
        while outer is not None:
            if outer.tag == "span" and "x-nc-sel2" in (outer.get("class") or "").split():
                nested = True
                break
            outer = outer.getparent()
        text = _SPACES.sub(" ", span.text_content()).strip()
        if nested or not text:
            continue
        block = span.getparent()
        while block is not None and (
            not isinstance(block.tag, str) or block.tag.lower() not in _HTML_BLOCKS
        ):
            block = block.getparent()
        if out and block is last_block:
            out[-1] += " " + text
        else:
            out.append(text)
        last_block = block
    return out


GOLD = {
    "l3s-gn1": gold_l3s,
    "cleaneval": gold_cleaneval,
    "cleanportaleval": gold_cleaneval,
    "dragnet": gold_dragnet,
    "readability": gold_readability,
    "utomo-big9": gold_lines,
    "utomo-chaos": gold_lines,
}


def page_bytes(dataset: str, raw: bytes) -> bytes:
    """The page as saved; CleanEval's <text id=URL ...> wrapper taken off."""
    if dataset in ("cleaneval", "cleanportaleval"):
        raw = re.sub(rb"^\s*<text [^>]*>[ \t]*\r?\n?", b"", raw, count=1)
        raw = re.sub(rb"\s*</text>\s*$", b"", raw, count=1)
    return raw


# --- building ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.fetch_extraction_corpus", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--mirror", type=Path, help="read the sources from bare copies DIR/owner+name/repo"
    )
    parser.add_argument(
        "--sets", default="dev,test", help="which sets to build (default: dev,test)"
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to (default: {OUT})")
    args = parser.parse_args(argv)
    wanted = set(args.sets.split(","))
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["set"] in wanted]
    cache = args.out / "sources"
    cache.mkdir(parents=True, exist_ok=True)
    repositories = {key: Repository(source, args.mirror, cache) for key, source in SOURCES.items()}

    def read(where: str) -> bytes:
        key, path = where.split(":", 1)
        return repositories[key].read(path)

    for name in wanted:
        (args.out / name).mkdir(parents=True, exist_ok=True)
    for number, row in enumerate(rows, 1):
        page = page_bytes(row["dataset"], read(row["html"]))
        gold = GOLD[row["dataset"]](read(row["gold"]))
        if row["title_stripped"] == "1":
            gold = gold[1:]
        folder = args.out / row["set"]
        (folder / f"{row['file']}.html.gz").write_bytes(gzip.compress(page, mtime=0))
        (folder / f"{row['file']}.txt").write_text("\n".join(gold) + "\n", encoding="utf-8")
        if number % 200 == 0:
            print(f"  {number}/{len(rows)} pages", file=sys.stderr)
    columns = ["set", "file", "dataset", "dataset_id", "site", "news_tier", "site_in_held_zyte"]
    write_index(args.out, rows, columns)
    return 0


def write_page(out: Path, row: dict[str, str], html: bytes, gold: str | None = None) -> Path:
    """Write one listed page (`NAME.html.gz`) and its gold body (`NAME.txt`, when given) into
    its set's folder of `out`; the folder, for files of other kinds beside them."""
    folder = out / row["set"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{row['file']}.html.gz").write_bytes(gzip.compress(html, mtime=0))
    if gold is not None:
        (folder / f"{row['file']}.txt").write_text(gold.strip() + "\n", encoding="utf-8")
    return folder


def write_index(out: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    """The pages' `index.csv` in `out` (the columns named, nothing else), and say so."""
    write_rows(out / "index.csv", rows, columns)


def write_rows(path: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    """A CSV of pages (a split list or an index; the columns named, nothing else), and say so."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} pages in {path}", file=sys.stderr)


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV that `write_rows` wrote."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


if __name__ == "__main__":
    sys.exit(main())


def files_under(repository: Repository, folder: str) -> list[str]:
    """The paths of the repository's files under `folder`, at the pinned commit."""
    return subprocess.run(
        [
            "git",
            f"--git-dir={repository.git_dir}",
            "ls-tree",
            "-r",
            "--name-only",
            repository.source.commit,
            folder,
        ],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split()


Row = dict[str, str]


def split_and_build_main(
    argv: list[str] | None,
    prog: str,
    doc: str,
    paths: tuple[Path, Path],
    columns: list[str],
    make_split: Callable[[Path | None, Path], list[Row]],
    build: Callable[[list[Row], Path | None, Path, Path], None],
) -> int:
    """The command line of a fetcher whose pages are chosen once into a committed split
    (`--make-split`) and built from it otherwise: `--mirror DIR` reads bare copies
    DIR/owner+name/repo, `--out` says where the pages go. `paths`: the default output folder
    and the split's CSV."""
    out, split = paths
    parser = argparse.ArgumentParser(prog=prog, description=doc.splitlines()[0])
    parser.add_argument(
        "--mirror", type=Path, help="read the sources from bare copies DIR/owner+name/repo"
    )
    parser.add_argument("--out", type=Path, default=out, help=f"where to (default: {out})")
    parser.add_argument(
        "--make-split", action="store_true", help=f"write {split.name} (once; it is committed)"
    )
    args = parser.parse_args(argv)
    cache = args.out / "sources"
    cache.mkdir(parents=True, exist_ok=True)
    if args.make_split:
        write_rows(split, make_split(args.mirror, cache), columns)
    else:
        build(read_rows(split), args.mirror, cache, args.out)
    return 0
