"""Build the `trafilatura-eval` set into bench/.data/trafilatura-eval/ (not committed).

    python -m bench.fetch_trafilatura_eval                          # fetch from GitHub
    python -m bench.fetch_trafilatura_eval --mirror /work/.mirror   # or a local bare copy

trafilatura's own evaluation (repository adbar/trafilatura, pinned below): 990 web pages
(`tests/eval/`, a few in `tests/cache/`) of 900-odd sites, mostly German, about a third
English, and for each page in `tests/evaldata.json` two to six "with" snippets (text the
main content must hold) and "without" snippets (boilerplate it must not). Scored by
`python -m bench.extraction trafilatura-eval-dev` with trafilatura's own metric (a snippet
found or not, whitespace-normalised substring match; see `bench/extraction.py`).

Where the pages come from: the evaluation's documentation names the BBAW collection
(pages sampled from the DWDS web corpora, the files named by a UUID) and tsolewski's Polish
news comparison; the rest were added by hand since 2020 (a "hard::" key names a page
without its address). None is a page of Zyte's (Scrapinghub's) article-extraction benchmark,
which is reserved for an independent check: no address is one of the 80 Zyte pages held in
tests/data/extraction, and the 12 pages from sites those 80 come from were published in
other months than the benchmark's pages (all saved 18-20 November 2019), except one
phys.org story of 22 October 2019, left out (`EXCLUDED`) as it cannot be told apart for
certain.

The split is fixed by site, before any page was read or scored: a page's site is the
registrable domain (eTLD+1) of its address (of the archived address for a web.archive.org
copy; from the file name for a "hard::" key); sha256("reader-trafeval-split-v1|" + site)
% 100 < 40 puts the site in `dev`, else in `test` (scored blind, once). The split is
committed as `bench/trafilatura_eval_split.csv` with each page's language, guessed from
the page's visible text by the jusText stop words (those of one language only) that
cover most of its words (`English` rows make the English-only figures), and `site_seen`: whether Reader's pass
was built on a page of the same site (Zyte's dev set or corpus-dev).

Licence: trafilatura's code and the snippet annotations are Apache-2.0; the pages are
their publishers' work with no licence given, so they stay out of the repository and this
script fetches them for local measurement only.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from bench.fetch_extraction_corpus import Repository, Source, read_rows, write_index, write_rows

ROOT = Path(__file__).resolve().parent
SPLIT = ROOT / "trafilatura_eval_split.csv"
OUT = ROOT / ".data" / "trafilatura-eval"
SOURCE = Source("adbar/trafilatura", "e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5")
SPLIT_KEY = "reader-trafeval-split-v1"
DEV_SHARE = 40  # of 100
EXCLUDED = {
    "https://phys.org/news/2019-10-flint-flake-tool-partially-birch.html": (
        "a site of Zyte's benchmark, published a month before its pages were saved"
    ),
}
# Languages the guess chooses among (jusText's stop-word lists; dialects and close
# neighbours of English such as Scots are left out so they cannot win on English text).
LANGUAGES = [
    "English",
    "German",
    "French",
    "Spanish",
    "Italian",
    "Portuguese",
    "Dutch",
    "Polish",
    "Czech",
    "Slovak",
    "Swedish",
    "Danish",
    "Norwegian_Bokmal",
    "Finnish",
    "Hungarian",
    "Romanian",
    "Croatian",
    "Slovenian",
    "Turkish",
    "Russian",
    "Ukrainian",
    "Greek",
    "Arabic",
    "Catalan",
    "Indonesian",
    "Estonian",
    "Latvian",
    "Lithuanian",
]
_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(.+)$")
_WORD = re.compile(r"\w+")


def registrable(host_or_url: str) -> str | None:
    """The registrable domain (eTLD+1) of an address or host name, None if it has none."""
    from tld import get_fld

    url = host_or_url if "://" in host_or_url else f"http://{host_or_url}"
    try:
        return get_fld(url, fail_silently=True)
    except ValueError:
        return None


def site_of(key: str, filename: str) -> str:
    """A page's site: the registrable domain of its address, of the archived address for a
    web.archive.org copy, or for a key that is not an address ("hard::name.tld-word.html")
    of the longest run of the file name's leading dot-separated words that is a domain."""
    archived = _ARCHIVED.match(key)
    if archived:
        key = archived.group(1)
    if "://" in key:
        site = registrable(key)
        if site:
            return site
        return (urlsplit(key).hostname or key).lower()
    labels = re.split(r"[-_ ]", filename.removesuffix(".html"), maxsplit=1)[0].split(".")
    for end in range(len(labels), 1, -1):
        site = registrable(".".join(labels[:end]))
        if site:
            return site.lower()
    return filename.lower()


def split_of(site: str) -> str:
    """dev (about 40 % of the sites) or test, by a hash of the site alone."""
    digest = int(hashlib.sha256(f"{SPLIT_KEY}|{site}".encode()).hexdigest(), 16)
    return "dev" if digest % 100 < DEV_SHARE else "test"


def page_name(site: str, key: str) -> str:
    """A short, safe file name: the site and a hash of the page's key."""
    slug = re.sub(r"[^a-z0-9]+", "-", site.lower()).strip("-")[:40]
    return f"{slug}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"


def visible_words(html: bytes) -> list[str]:
    """The lower-cased words of a page's visible text (no script or style)."""
    from trafilatura import load_html

    tree = load_html(html)  # decodes as trafilatura does
    if tree is None:
        return []
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    return _WORD.findall(tree.text_content().lower())


def _own_words() -> dict[str, frozenset[str]]:
    """Each language's stop words that no other language's list holds (some lists, such
    as the Finnish one, hold thousands of words, common English ones among them)."""
    import justext

    lists = {name: justext.get_stoplist(name) for name in LANGUAGES}
    return {
        name: frozenset(words - frozenset().union(*(o for n, o in lists.items() if n != name)))
        for name, words in lists.items()
    }


def language(html: bytes, own: dict[str, frozenset[str]] | None = None) -> str:
    """The language whose own stop words (see `_own_words`) are most of the page's words
    ("unknown" when none covers 2 % of them: Chinese, Japanese...)."""
    own = own if own is not None else _own_words()
    words = visible_words(html)
    if not words:
        return "unknown"
    best, share = "unknown", 0.02
    for name, stop in own.items():
        covered = sum(1 for word in words if word in stop) / len(words)
        if covered > share:
            best, share = name, covered
    return best


def seen_sites() -> set[str]:
    """Sites Reader's pass was built on: Zyte's dev set and the corpus's dev set."""
    seen = set()
    with (ROOT / "extraction_corpus.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["set"] == "dev":
                seen.add(registrable(row["site"]) or row["site"])
    sources = ROOT.parent / "tests" / "data" / "extraction" / "SOURCES.md"
    for line in sources.read_text(encoding="utf-8").splitlines():
        found = re.match(r"\| dev \| \S+ \| (https?://\S+) \|", line)
        if found:
            seen.add(registrable(found.group(1)) or "")
    return seen


def make_split(repository: Repository) -> list[dict[str, str]]:
    """The split list's rows (what `--make-split` writes; done once, then committed)."""
    evaldata = json.loads(repository.read("tests/evaldata.json"))
    seen, own = seen_sites(), _own_words()
    rows = []
    for key in sorted(evaldata):
        if key in EXCLUDED:
            continue
        filename = evaldata[key]["file"]
        site = site_of(key, filename)
        html = read_page(repository, filename)
        rows.append(
            {
                "set": split_of(site),
                "file": page_name(site, key),
                "site": site,
                "language": language(html, own),
                "site_seen": "1" if site in seen else "",
                "source": filename,
                "key": key,
            }
        )
    return rows


def read_page(repository: Repository, filename: str) -> bytes:
    """An evaluation page from tests/cache or tests/eval (the order trafilatura looks in)."""
    for folder in ("tests/cache", "tests/eval"):
        try:
            return repository.read(f"{folder}/{filename}")
        except subprocess.CalledProcessError:  # not in this folder
            continue
    raise FileNotFoundError(filename)


COLUMNS = ["set", "file", "site", "language", "site_seen", "source", "key"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.fetch_trafilatura_eval", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--mirror", type=Path, help="read the source from a bare copy DIR/owner+name/repo"
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to (default: {OUT})")
    parser.add_argument(
        "--make-split",
        action="store_true",
        help=f"write {SPLIT.name} from the source (once; it is committed)",
    )
    args = parser.parse_args(argv)
    cache = args.out / "sources"
    cache.mkdir(parents=True, exist_ok=True)
    repository = Repository(SOURCE, args.mirror, cache)
    if args.make_split:
        write_rows(SPLIT, make_split(repository), COLUMNS)
        return 0
    evaldata = json.loads(repository.read("tests/evaldata.json"))
    rows = read_rows(SPLIT)
    for name in ("dev", "test"):
        (args.out / name).mkdir(parents=True, exist_ok=True)
    for row in rows:
        item = evaldata[row["key"]]
        folder = args.out / row["set"]
        html = read_page(repository, row["source"])
        (folder / f"{row['file']}.html.gz").write_bytes(gzip.compress(html, mtime=0))
        snippets = {"key": row["key"], "with": item["with"], "without": item["without"]}
        (folder / f"{row['file']}.json").write_text(
            json.dumps(snippets, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    write_index(args.out, rows, COLUMNS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
