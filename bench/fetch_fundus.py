"""Build the `fundus-dev` and `fundus-test` sets into bench/.data/fundus/.

    python -m bench.fetch_fundus                          # fetch from GitHub
    python -m bench.fetch_fundus --mirror /work/.mirror   # or local bare copies
    python -m bench.fetch_fundus --make-split             # once: the committed list

A fourth blind set (issue 18), of news pages from many publishers in many countries: the
parser tests of fundus (flairNLP/fundus, MIT licence, pinned commit below), a news scraper
with one hand-written parser a publisher. For each publisher its tests hold one saved
article page a parser version (`tests/resources/parser/test_data/<country>/<Publisher>_
<date>.html.gz`, saved 2023-2026, its address in the folder's `meta.info`) and the parse
the test expects of it (`<Publisher>.json`, one entry a version: V1, V1_1, V2...), which
the publisher's parser author checked by hand. A version is matched to its page by order:
the versions sorted by number, the pages by the date they were saved (a parser version is
valid until a date, and each page was saved for the version of its time).

The gold text (the convention of the other sets, Zyte's `articleBody` first: the story
body, no headline, no standfirst, no captions): the sub-headlines and paragraphs of the
expected body's sections, in order, one a paragraph. The body's `summary` (the standfirst
or teaser) is left out, as Zyte's bodies leave a standfirst out.

What a page must pass (decided before any page was read or scored, the selection recorded
in `bench/fundus_split.csv`, not recomputed): a publisher whose versions and pages are as
many; a gold body of 50 words or more, 80 % of whose words are in the page's visible text
(a body the page holds only in a script is not one an extractor of the visible page can
find); the first page of an address only; no address of the 80 Zyte pages held in
tests/data/extraction, of trafilatura's evaluation or of the third blind set. Zyte's
reserved pages were saved in November 2019, fundus's from 2023 on: none can be one of them. The split is by publisher's site (its registrable domain), by a fixed hash:
about 40 % of the sites in `fundus-dev` (to be studied), the rest in `fundus-test` (blind:
scored once, with `--blind`). `site_seen` marks a site Reader's pass was built on (Zyte's
dev set, corpus-dev, trafilatura's evaluation).

The pages are their publishers' work: they stay out of the repository, and this script
fetches them for local measurement only.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from datetime import datetime
from pathlib import Path

from bench.fetch_extraction_corpus import (
    Repository,
    Source,
    files_under,
    read_rows,
    split_and_build_main,
    write_index,
    write_page,
)
from bench.fetch_news_fixtures import SPLIT as FIXTURES_SPLIT
from bench.fetch_news_fixtures import _key, excluded_urls, page_name, trafilatura_eval_sites
from bench.fetch_trafilatura_eval import _own_words, language, registrable, seen_sites
from bench.fetch_trafilatura_eval import visible_words as _visible_words

ROOT = Path(__file__).resolve().parent
SPLIT = ROOT / "fundus_split.csv"
OUT = ROOT / ".data" / "fundus"
SOURCE = Source("flairNLP/fundus", "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8")
TEST_DATA = "tests/resources/parser/test_data/"
COLUMNS = ["set", "file", "publisher", "country", "site", "language", "site_seen", "source", "url"]
DEV_SHARE = 40  # per cent of the sites
MIN_WORDS = 50
MIN_IN_PAGE = 0.8
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def split_of(site: str) -> str:
    """The set a publisher's site is in, by a fixed hash of the site alone."""
    digest = int(hashlib.sha256(f"fundus-split|{site}".encode()).hexdigest(), 16)
    return "fundus-dev" if digest % 100 < DEV_SHARE else "fundus-test"


def version_key(name: str) -> tuple[int, ...]:
    """A parser version's order: "V1" < "V1_1" < "V1_2" < "V2" < "V10"."""
    return tuple(int(part) for part in re.findall(r"\d+", name))


def gold_body(expected: dict[str, object]) -> str:
    """The story body of one expected parse: its sections' sub-headlines and paragraphs,
    one a paragraph (no summary, no title)."""
    body = expected.get("body")
    if not isinstance(body, dict):
        return ""
    parts: list[str] = []
    for section in body.get("sections") or []:
        if not isinstance(section, dict):
            continue
        for key in ("headline", "paragraphs"):
            parts += [str(text).strip() for text in section.get(key) or [] if str(text).strip()]
    return "\n\n".join(parts)


def candidates(repository: Repository) -> list[dict[str, str]]:
    """Every publisher's pages, each with its address and its expected body."""
    listing = files_under(repository, TEST_DATA)
    rows = []
    for path in sorted(p for p in listing if p.endswith(".json")):
        folder, publisher = path.rsplit("/", 1)
        publisher = publisher.removesuffix(".json")
        meta = json.loads(repository.read(f"{folder}/meta.info"))
        own = re.compile(re.escape(f"{folder}/{publisher}_") + r"\d{4}_\d\d_\d\d\.html\.gz")
        pages = [p for p in listing if own.fullmatch(p)]
        pages.sort(key=lambda p: _saved(meta, p))
        expected = json.loads(repository.read(path))
        versions = sorted(expected, key=version_key)
        if len(versions) != len(pages):
            continue
        for version, page in zip(versions, pages, strict=True):
            rows.append(
                {
                    "publisher": publisher,
                    "country": folder.rsplit("/", 1)[-1],
                    "source": page,
                    "url": str(meta.get(page.rsplit("/", 1)[-1], {}).get("url", "")),
                    "gold": gold_body(expected[version]),
                }
            )
    return rows


def _saved(meta: dict[str, dict[str, str]], path: str) -> datetime:
    info = meta.get(path.rsplit("/", 1)[-1], {})
    try:
        return datetime.fromisoformat(str(info.get("crawl_date", ""))).replace(tzinfo=None)
    except ValueError:
        return datetime.max


def _html(repository: Repository, path: str) -> bytes:
    return gzip.decompress(repository.read(path))


def _used_urls(mirror: Path | None, cache: Path) -> set[str]:
    """Addresses already in a set: the Zyte pages held, trafilatura's evaluation, the
    third blind set."""
    used = excluded_urls(mirror, cache)
    used.update(_key(row["url"]) for row in read_rows(FIXTURES_SPLIT))
    return used


def make_split(mirror: Path | None, cache: Path) -> list[dict[str, str]]:
    """The list's rows (what `--make-split` writes; done once, then committed)."""
    repository = Repository(SOURCE, mirror, cache)
    seen = seen_sites() | trafilatura_eval_sites()
    used, own = _used_urls(mirror, cache), _own_words()
    rows: list[dict[str, str]] = []
    for row in candidates(repository):
        url = row["url"]
        site = registrable(url) or ""
        if not site or _key(url) in used:
            continue
        gold = _words(row["gold"])
        if len(gold) < MIN_WORDS:
            continue
        html = _html(repository, row["source"])
        page = set(_visible_words(html))
        if sum(word in page for word in gold) < MIN_IN_PAGE * len(gold):
            continue
        used.add(_key(url))
        rows.append(
            {
                "set": split_of(site),
                "file": page_name("fundus", site, url),
                "publisher": row["publisher"],
                "country": row["country"],
                "site": site,
                "language": language(html, own),
                "site_seen": "1" if site in seen else "",
                "source": row["source"],
                "url": url,
            }
        )
    return rows


def build(rows: list[dict[str, str]], mirror: Path | None, cache: Path, out: Path) -> None:
    """Write each listed page and its gold body into `out`."""
    repository = Repository(SOURCE, mirror, cache)
    gold = {row["source"]: row["gold"] for row in candidates(repository)}
    for row in rows:
        write_page(out, row, _html(repository, row["source"]), gold[row["source"]])
    write_index(out, [{**row, "dataset": "fundus"} for row in rows], [*COLUMNS, "dataset"])


def main(argv: list[str] | None = None) -> int:
    return split_and_build_main(
        argv,
        "python -m bench.fetch_fundus",
        __doc__ or "",
        (OUT, SPLIT),
        COLUMNS,
        make_split,
        build,
    )


if __name__ == "__main__":
    sys.exit(main())
