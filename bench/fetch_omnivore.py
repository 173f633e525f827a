"""Build the `omnivore-dev` and `omnivore-test` sets into bench/.data/omnivore/.

    python -m bench.fetch_omnivore                          # fetch from GitHub
    python -m bench.fetch_omnivore --mirror /work/.mirror   # or local bare copies
    python -m bench.fetch_omnivore --make-split             # once: the committed list

A fifth blind set (issue 18), of pages saved by readers of a read-it-later app: the test
pages of Omnivore's fork of Readability.js (omnivore-app/omnivore, pinned commit below;
`packages/readabilityjs/test/test-pages/<name>/`), which its developers added to Mozilla's
(none of its 91 folders is named as one of Mozilla's 130, whose pages are already the
corpus's `readability` dataset). Each folder holds the saved page (`source.html`), its
address (`url.txt`) and the fork's output its developers accepted (`expected.html`): a
parser-checked body, turned into text as the corpus turns Mozilla's (`gold_readability`: a
paragraph at every block element). News, magazines, newsletters and blogs, 2021-2024.

What a page must pass (decided before any page was read or scored, the selection recorded
in `bench/omnivore_split.csv`, not recomputed): an http(s) address that is not one of
Omnivore's own pages (its help and welcome posts); a gold body of 50 words or more, 80 %
of whose words are in the page's visible text; the first page of an address only; no
address of the 80 Zyte pages held, trafilatura's evaluation, the third blind set or
fundus's list. Omnivore began in 2021: none of its pages can be one of Zyte's reserved
pages (saved in November 2019). The split is by site (registrable domain), by a fixed hash:
about half of the sites in `omnivore-dev` (its first score blind), the rest in
`omnivore-test` (blind: scored once, with `--blind`). `site_seen` marks a site Reader's pass
was built on (Zyte's dev set, corpus-dev, trafilatura's evaluation).

The repository is AGPL-3.0 (the readabilityjs package Apache-2.0), but the pages are their
publishers' work: they stay out of the repository, and this script fetches them for local
measurement only.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from bench.fetch_extraction_corpus import (
    Repository,
    Source,
    files_under,
    gold_readability,
    read_rows,
    split_and_build_main,
    write_index,
    write_page,
)
from bench.fetch_fundus import SPLIT as FUNDUS_SPLIT
from bench.fetch_news_fixtures import SPLIT as FIXTURES_SPLIT
from bench.fetch_news_fixtures import _key, excluded_urls, page_name, trafilatura_eval_sites
from bench.fetch_trafilatura_eval import _own_words, language, registrable, seen_sites
from bench.fetch_trafilatura_eval import visible_words as _visible_words

ROOT = Path(__file__).resolve().parent
SPLIT = ROOT / "omnivore_split.csv"
OUT = ROOT / ".data" / "omnivore"
SOURCE = Source("omnivore-app/omnivore", "322ce62b2e09a4fc8f328dde6003e7066953a9ca")
TEST_PAGES = "packages/readabilityjs/test/test-pages/"
COLUMNS = ["set", "file", "folder", "site", "language", "site_seen", "url"]
DEV_SHARE = 50  # per cent of the sites
MIN_WORDS = 50
MIN_IN_PAGE = 0.8
OWN_SITES = frozenset({"omnivore.app", "omnivore.work"})
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def split_of(site: str) -> str:
    """The set a site is in, by a fixed hash of the site alone."""
    digest = int(hashlib.sha256(f"omnivore-split|{site}".encode()).hexdigest(), 16)
    return "omnivore-dev" if digest % 100 < DEV_SHARE else "omnivore-test"


def gold_text(expected: bytes) -> str:
    """The expected output as text: a paragraph at every block element."""
    return "\n\n".join(gold_readability(expected))


def folders(repository: Repository) -> list[str]:
    """The test pages' folders that hold a page, its expected output and its address."""
    listing = set(files_under(repository, TEST_PAGES))
    names = sorted({path[len(TEST_PAGES) :].split("/", 1)[0] for path in listing})
    wanted = ("source.html", "expected.html", "url.txt")
    return [name for name in names if all(f"{TEST_PAGES}{name}/{f}" in listing for f in wanted)]


def _used_urls(mirror: Path | None, cache: Path) -> set[str]:
    """Addresses already in a set: the Zyte pages held, trafilatura's evaluation, the third
    and fourth blind sets."""
    used = excluded_urls(mirror, cache)
    for split in (FIXTURES_SPLIT, FUNDUS_SPLIT):
        used.update(_key(row["url"]) for row in read_rows(split))
    return used


def make_split(mirror: Path | None, cache: Path) -> list[dict[str, str]]:
    """The list's rows (what `--make-split` writes; done once, then committed)."""
    repository = Repository(SOURCE, mirror, cache)
    seen = seen_sites() | trafilatura_eval_sites()
    used, own = _used_urls(mirror, cache), _own_words()
    rows: list[dict[str, str]] = []
    for name in folders(repository):
        url = repository.read(f"{TEST_PAGES}{name}/url.txt").decode("utf-8", "replace").strip()
        site = (registrable(url) or "") if re.match(r"https?://", url) else ""
        if not site or site in OWN_SITES or _key(url) in used:
            continue
        gold = _words(gold_text(repository.read(f"{TEST_PAGES}{name}/expected.html")))
        if len(gold) < MIN_WORDS:
            continue
        html = repository.read(f"{TEST_PAGES}{name}/source.html")
        page = set(_visible_words(html))
        if sum(word in page for word in gold) < MIN_IN_PAGE * len(gold):
            continue
        used.add(_key(url))
        rows.append(
            {
                "set": split_of(site),
                "file": page_name("omnivore", site, url),
                "folder": name,
                "site": site,
                "language": language(html, own),
                "site_seen": "1" if site in seen else "",
                "url": url,
            }
        )
    return rows


def build(rows: list[dict[str, str]], mirror: Path | None, cache: Path, out: Path) -> None:
    """Write each listed page and its gold body into `out`."""
    repository = Repository(SOURCE, mirror, cache)
    for row in rows:
        html = repository.read(f"{TEST_PAGES}{row['folder']}/source.html")
        text = gold_text(repository.read(f"{TEST_PAGES}{row['folder']}/expected.html"))
        write_page(out, row, html, text)
    write_index(out, [{**row, "dataset": "omnivore"} for row in rows], [*COLUMNS, "dataset"])


def main(argv: list[str] | None = None) -> int:
    return split_and_build_main(
        argv,
        "python -m bench.fetch_omnivore",
        __doc__ or "",
        (OUT, SPLIT),
        COLUMNS,
        make_split,
        build,
    )


if __name__ == "__main__":
    sys.exit(main())
