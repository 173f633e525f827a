"""Build the `newspaper-test` and `openings-test` sets into bench/.data/news-fixtures/.

    python -m bench.fetch_news_fixtures                          # fetch from GitHub
    python -m bench.fetch_news_fixtures --mirror /work/.mirror   # or local bare copies
    python -m bench.fetch_news_fixtures --make-split             # once: the committed list

A third blind set (issue 18), of news pages from sites Reader's pass was never built on,
taken from the test fixtures of three other extractors (pinned commits below):

- `newspaper-test`: newspaper's (codelucas/newspaper, MIT) full-text suite: the pages of
  `tests/data/fulltext_url_list.txt`, saved in December 2014 - January 2015, each with the
  article's text as its authors corrected it (`tests/data/text/`), a whole story body,
  scored with the token F1 of the other sets (4-word shingles).
- `openings-test`: the opening of the story that goose3's content tests (goose3/goose3,
  Apache-2.0; pages of 2010-2017) and Postlight's parser's custom-extractor tests
  (postlight/parser, MIT or Apache-2.0; "first 13 words" of the content) expect; one "with"
  snippet a page, scored with trafilatura's snippet metric (so on recall only: the story's
  opening kept or lost).

None is a page of Zyte's (Scrapinghub's) article-extraction benchmark, reserved for an
independent check: its pages were all saved on 18-20 November 2019; newspaper's and
goose3's pages were committed years before; Postlight's fixtures were saved again in
December 2022 from addresses its tests named earlier, and those named on or after
2019-10-01, or whose address holds a date of October or November 2019, are left out; no address is one of the 80 Zyte pages held in
tests/data/extraction. Nor is any page one of trafilatura's evaluation (same address).
Mozilla's Readability test pages are already in the corpus (its `readability` dataset),
and python-readability's samples have no expected text: neither is used.

What a page must pass (decided before any page was read or scored, the selection recorded
in `bench/news_fixtures_split.csv`, not recomputed): an address on a real site (not
example.com); for newspaper, expected text of 30 words or more, 80 % of whose words are in
the page (a text that holds a note on why the test failed is not a story); for a snippet,
5 words or more, all of them in the page; the first page of an address only. Every page
is blind (no dev part): scored once, with `--blind`. `site_seen` marks a site Reader's pass
was built on (Zyte's dev set, corpus-dev, or trafilatura's evaluation, now all seen).

The pages are their publishers' work with no licence given: they stay out of the
repository, and this script fetches them for local measurement only.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from bench.fetch_extraction_corpus import (
    Repository,
    Source,
    files_under,
    split_and_build_main,
    write_index,
    write_page,
)
from bench.fetch_trafilatura_eval import (
    _own_words,
    language,
    registrable,
    seen_sites,
    visible_words,
)

ROOT = Path(__file__).resolve().parent
SPLIT = ROOT / "news_fixtures_split.csv"
OUT = ROOT / ".data" / "news-fixtures"
SOURCES = {
    "newspaper": Source("codelucas/newspaper", "1618b547f31c2d1fd19ae3b6afd8f7542dd02074"),
    "goose3": Source("goose3/goose3", "c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7"),
    "postlight": Source("postlight/parser", "e8ba7ece291efa4d915d50dd4deeec17d54359f2"),
}
# Zyte's benchmark pages were saved on 18-20 November 2019: a Postlight page chosen in October
# 2019 or later, or whose address dates it to then, is left out.
POSTLIGHT_BEFORE = "2019-10-01"
_ZYTE_MONTHS = re.compile(r"2019[/_-]?(10|11)\b|(10|11)[/_-]2019")
COLUMNS = ["set", "file", "dataset", "site", "language", "site_seen", "source", "url"]
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def newspaper_base_domain(url: str) -> str:
    """The file name stem newspaper's unit tests give a page (their `get_base_domain`)."""
    host = (re.match(r"https?://([^/:?#]+)", url) or re.match(r"(.*)", url)).group(1)  # type: ignore[union-attr]
    parts = host.split(".")
    if ".".join(parts[-2:]) in ("co.uk", "com.au", "au.com"):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def _chosen(repository: Repository, url: str, path: str) -> str:
    """The date a test first named an address (its page was chosen then; Postlight saved
    all its fixtures again in December 2022, from the same addresses)."""
    dates = subprocess.run(
        [
            "git",
            f"--git-dir={repository.git_dir}",
            "log",
            "--format=%cs",
            f"-S{url}",
            repository.source.commit,
            "--",
            path,
        ],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split()
    return min(dates) if dates else "9999"


def newspaper_candidates(repository: Repository) -> list[dict[str, str]]:
    urls = repository.read("tests/data/fulltext_url_list.txt").decode().split()
    counters: dict[str, int] = {}
    rows = []
    for url in urls:
        base = newspaper_base_domain(url)
        counters[base] = counters.get(base, 0) + 1
        stem = f"{base}{counters[base]}"
        rows.append(
            {
                "dataset": "newspaper",
                "url": url,
                "source": f"tests/data/html/{stem}.html",
                "gold": f"tests/data/text/{stem}.txt",
            }
        )
    return rows


def goose3_candidates(repository: Repository) -> list[dict[str, str]]:
    listing = files_under(repository, "tests/data/content/")
    rows = []
    for path in sorted(p for p in listing if p.endswith(".json")):
        data = json.loads(repository.read(path))
        snippet = data.get("expected", {}).get("cleaned_text", "")
        rows.append(
            {
                "dataset": "goose3",
                "url": data.get("url", ""),
                "source": path.removesuffix(".json") + ".html",
                "snippet": snippet,
            }
        )
    return rows


_URL = re.compile(r"\burl\s*=\s*'([^']+)'")
_FIXTURE = re.compile(r"readFileSync\(\s*'\.?/?([^']+\.html)'")
_FIRST = re.compile(r"assert\.equal\(\s*first13\s*,\s*(['\"`])((?:\\.|(?!\1).)*)\1", re.S)


def _js_string(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def postlight_candidates(repository: Repository) -> list[dict[str, str]]:
    listing = files_under(repository, "src/extractors/custom/")
    rows = []
    for path in sorted(p for p in listing if p.endswith("index.test.js")):
        code = repository.read(path).decode("utf-8")
        # Each test case: an address, a fixture, then the first 13 words of the content.
        for case in re.split(r"\bbeforeAll\(", code)[1:]:
            url, fixture, first = _URL.search(case), _FIXTURE.search(case), _FIRST.search(case)
            if not (url and fixture and first):
                continue
            rows.append(
                {
                    "dataset": "postlight",
                    "url": url.group(1),
                    "source": fixture.group(1),
                    "snippet": _js_string(first.group(2)),
                    "test": path,
                }
            )
    return rows


def page_name(dataset: str, site: str, url: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", site.lower()).strip("-")[:40]
    return f"{dataset}-{slug}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"


def excluded_urls(mirror: Path | None, cache: Path) -> set[str]:
    """Addresses of the 80 Zyte pages held and of trafilatura's evaluation pages."""
    from bench.fetch_trafilatura_eval import SOURCE as TRAFILATURA

    held = ROOT.parent / "tests" / "data" / "extraction" / "SOURCES.md"
    urls = set(re.findall(r"https?://[^\s|)]+", held.read_text(encoding="utf-8")))
    evaldata = json.loads(Repository(TRAFILATURA, mirror, cache).read("tests/evaldata.json"))
    urls.update(evaldata)
    return {_key(url) for url in urls}


def _key(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/").lower()


def make_split(mirror: Path | None, cache: Path) -> list[dict[str, str]]:
    """The list's rows (what `--make-split` writes; done once, then committed)."""
    seen = seen_sites() | trafilatura_eval_sites()
    excluded = excluded_urls(mirror, cache)
    own = _own_words()
    rows: list[dict[str, str]] = []
    taken: set[str] = set()
    for dataset, source in SOURCES.items():
        repository = Repository(source, mirror, cache)
        finder = {
            "newspaper": newspaper_candidates,
            "goose3": goose3_candidates,
            "postlight": postlight_candidates,
        }[dataset]
        for row in finder(repository):
            url = row["url"]
            site = registrable(url) or ""
            if not site or site in ("example.com", "exemple.com") or _key(url) in excluded:
                continue
            if _key(url) in taken:
                continue
            try:
                html = repository.read(row["source"])
            except subprocess.CalledProcessError:
                continue
            page = set(visible_words(html))
            if dataset == "newspaper":
                try:
                    gold = _words(repository.read(row["gold"]).decode("utf-8"))
                except subprocess.CalledProcessError:
                    continue
                if len(gold) < 30 or sum(w in page for w in gold) < 0.8 * len(gold):
                    continue
                target = "newspaper-test"
            else:
                snippet = _words(row["snippet"])
                if len(snippet) < 5 or not all(w in page for w in snippet):
                    continue
                if dataset == "postlight" and (
                    _chosen(repository, url, row["test"]) >= POSTLIGHT_BEFORE
                    or _ZYTE_MONTHS.search(url)
                ):
                    continue
                target = "openings-test"
            taken.add(_key(url))
            rows.append(
                {
                    "set": target,
                    "file": page_name(dataset, site, url),
                    "dataset": dataset,
                    "site": site,
                    "language": language(html, own),
                    "site_seen": "1" if site in seen else "",
                    "source": row["source"],
                    "url": url,
                }
            )
    return rows


def trafilatura_eval_sites() -> set[str]:
    with (ROOT / "trafilatura_eval_split.csv").open(encoding="utf-8", newline="") as handle:
        return {row["site"] for row in csv.DictReader(handle)}


def build(rows: list[dict[str, str]], mirror: Path | None, cache: Path, out: Path) -> None:
    """Write each listed page and its expected text (or snippet) into `out`."""
    repositories = {name: Repository(source, mirror, cache) for name, source in SOURCES.items()}
    found: dict[str, dict[str, str]] = {}
    for dataset, finder in (
        ("newspaper", newspaper_candidates),
        ("goose3", goose3_candidates),
        ("postlight", postlight_candidates),
    ):
        for row in finder(repositories[dataset]):
            found.setdefault(f"{dataset}|{row['url']}", row)
    for row in rows:
        repository = repositories[row["dataset"]]
        source = found[f"{row['dataset']}|{row['url']}"]
        newspaper = row["dataset"] == "newspaper"
        gold = repository.read(source["gold"]).decode("utf-8") if newspaper else None
        folder = write_page(out, row, repository.read(row["source"]), gold)
        if not newspaper:
            snippets = {"key": row["url"], "with": [source["snippet"]], "without": []}
            (folder / f"{row['file']}.json").write_text(
                json.dumps(snippets, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
    write_index(out, rows, COLUMNS)


def main(argv: list[str] | None = None) -> int:
    return split_and_build_main(
        argv,
        "python -m bench.fetch_news_fixtures",
        __doc__ or "",
        (OUT, SPLIT),
        COLUMNS,
        make_split,
        build,
    )


if __name__ == "__main__":
    sys.exit(main())
