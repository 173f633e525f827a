"""Score Reader's cleaning of web pages against hand-cleaned story text, beside trafilatura's.

Run with `python -m bench.extraction` (or `make bench-extraction`); `-v` lists the pages
Reader scored lowest; `--json` prints the figures as JSON. Each set is a folder of pages
`NAME.html.gz` with `NAME.txt`, the story body cleaned by hand:

- `dev`, `holdout`, `test`: 80 pages of Zyte's article-extraction benchmark in
  tests/data/extraction (SOURCES.md says where they come from; all seen by now);
- `corpus-dev`: 491 pages from 296 sites of six other public datasets, scored when built
  (`python -m bench.fetch_extraction_corpus` puts them in bench/.data/extraction/); its
  rows also give the `news` tier alone and two halves split by site (A: built on, B: to
  check on);
- `corpus-test`: 748 pages from 420 other sites, never looked at: only with `--blind`, to
  be run once, when the work is done.

Three extractors run on the same pages in the same run: Reader (trafilatura then Reader's
pass, as `reader add` does), trafilatura's default `extract()` and `extract(favor_recall=
True)`. Reader sees the site's other pages of the set as a library would (its evidence of
boilerplate by repetition), never the page's own gold.

The score is the one article-extraction benchmarks use: the text is lower-cased and split
into words; each text becomes the multiset of its 4-word shingles; per page, precision is the
share of the extracted shingles that the hand-cleaned text holds and recall the share of the
hand-cleaned shingles that were extracted (a page where nothing was extracted scores 0 on
both); precision and recall are averaged over the pages, and F1 is computed from the two
averages. Reader's text is what Reader shows: the Markdown file it writes, read back.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZYTE = ROOT / "tests" / "data" / "extraction"
CORPUS = ROOT / "bench" / ".data" / "extraction"
# The Zyte sets: "holdout" and "test" were each scored once, blind (SOURCES.md).
SETS: dict[str, Path] = {
    "dev": ZYTE / "dev",
    "holdout": ZYTE / "holdout",
    "test": ZYTE / "test",
}
CORPUS_SETS: dict[str, Path] = {"corpus-dev": CORPUS / "dev", "corpus-test": CORPUS / "test"}
BLIND = "corpus-test"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def precision_recall(truth: str, extracted: str) -> tuple[float, float]:
    want, got = shingles(truth), shingles(extracted)
    if not got or not want:
        return 0.0, 0.0
    common = sum((want & got).values())
    return common / sum(got.values()), common / sum(want.values())


@dataclass
class Score:
    """Per-page precision and recall of one extractor on one set."""

    pages: list[tuple[str, float, float]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return sum(p for _, p, _ in self.pages) / len(self.pages) if self.pages else 0.0

    @property
    def recall(self) -> float:
        return sum(r for _, _, r in self.pages) / len(self.pages) if self.pages else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, float]:
        return {
            "pages": len(self.pages),
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass(frozen=True)
class GoldPage:
    """A saved page, its hand-cleaned story, its site and (for the corpus) its news tier."""

    name: str
    path: Path
    site: str
    tier: str = "news"
    near_zyte: bool = False  # a page of a site in the Zyte dev set Reader was built on
    dataset: str = "zyte"

    @property
    def html(self) -> bytes:
        return gzip.decompress(self.path.read_bytes())

    @property
    def truth(self) -> str:
        return self.path.with_name(f"{self.name}.txt").read_text(encoding="utf-8")


def gold_pages(folder: Path) -> list[GoldPage]:
    """The pages of a set; sites and tiers from the corpus's index.csv when there is one,
    else the site is the name before its last hyphen (the Zyte sets: "bbc-70cb2d")."""
    index: dict[str, dict[str, str]] = {}
    if (folder.parent / "index.csv").is_file():
        with (folder.parent / "index.csv").open(encoding="utf-8", newline="") as handle:
            index = {row["file"]: row for row in csv.DictReader(handle)}
    pages = []
    for path in sorted(folder.glob("*.html.gz")):
        name = path.name.removesuffix(".html.gz")
        row = index.get(name, {})
        site = row.get("site") or name.rsplit("-", 1)[0]
        near = "dev" in row.get("site_in_held_zyte", "").split("+")
        tier, dataset = row.get("news_tier") or "news", row.get("dataset") or "zyte"
        pages.append(GoldPage(name, path, site, tier, near, dataset))
    return pages


def half(site: str) -> str:
    """The half of the corpus's dev set a site is in: "A" (rules set on it) or "B"."""
    return "AB"[int(hashlib.sha256(f"e18-half|{site}".encode()).hexdigest(), 16) % 2]


# --- the extractors ------------------------------------------------------------------------------


def reader_texts(pages: list[GoldPage]) -> dict[str, str]:
    """The story of each page as Reader shows it (cleaned, written as Markdown, read back),
    each page cleaned with the other pages of its site in the set as the library's memory."""
    from reader.library.extraction import ExtractionError, read_page, story
    from reader.library.site_memory import SiteMemory

    by_site: dict[str, list[GoldPage]] = defaultdict(list)
    for page in pages:
        by_site[page.site].append(page)
    texts: dict[str, str] = {}
    for site, group in by_site.items():
        read = {}
        for page in group:
            try:
                read[page.name] = read_page(page.html, None)
            except ExtractionError:
                texts[page.name] = ""
        for page in group:
            if page.name not in read:
                continue
            memory = SiteMemory()
            for other in group:
                if other.name != page.name and other.name in read:
                    memory.remember(f"https://{site}/{other.name}", read[other.name].found_texts)
            try:
                article = story(
                    read[page.name], seen_elsewhere=memory.seen_elsewhere(f"https://{site}/_")
                )
            except ExtractionError:
                texts[page.name] = ""
                continue
            texts[page.name] = _shown(article)
    return texts


def _shown(article: object) -> str:
    from reader.library.adding import read_back, to_markdown

    text = read_back(to_markdown(article, added=""))  # type: ignore[arg-type]
    return text.split("\n\n", 1)[1] if "\n\n" in text else ""  # without the headline


def reader_text(html: bytes) -> str:
    """One page's story as Reader shows it, with no other page of its site known."""
    from reader.library.extraction import ExtractionError, clean_page

    try:
        return _shown(clean_page(html))
    except ExtractionError:
        return ""


def trafilatura_text(html: bytes) -> str:
    """trafilatura's default `extract()`, the reference."""
    import trafilatura

    return trafilatura.extract(html) or ""


def favor_recall_text(html: bytes) -> str:
    """trafilatura's `extract(favor_recall=True)`."""
    import trafilatura

    return trafilatura.extract(html, favor_recall=True) or ""


EXTRACTORS: dict[str, Callable[[list[GoldPage]], dict[str, str]]] = {
    "reader": reader_texts,
    "trafilatura": lambda pages: {page.name: trafilatura_text(page.html) for page in pages},
    "favor_recall": lambda pages: {page.name: favor_recall_text(page.html) for page in pages},
}


def score_pages(pages: list[GoldPage], texts: dict[str, str]) -> Score:
    score = Score()
    for page in pages:
        score.pages.append((page.name, *precision_recall(page.truth, texts.get(page.name, ""))))
    return score


def score_set(folder: Path, extractor: str) -> Score:
    """One extractor's score on one folder of pages."""
    pages = gold_pages(folder)
    return score_pages(pages, EXTRACTORS[extractor](pages))


def _rows(set_name: str, pages: list[GoldPage], by_dataset: bool) -> dict[str, list[GoldPage]]:
    """The rows a set is reported in: all its pages, and for the corpus, parts of it."""
    rows = {set_name: pages}
    if by_dataset and set_name.startswith("corpus"):
        for dataset in sorted({page.dataset for page in pages}):
            rows[f"{set_name} {dataset}"] = [page for page in pages if page.dataset == dataset]
    if set_name.startswith("corpus"):
        rows[f"{set_name} news"] = [page for page in pages if page.tier == "news"]
        if set_name == BLIND:
            rows[f"{set_name} unseen sites"] = [page for page in pages if not page.near_zyte]
        else:
            for name in "AB":
                rows[f"{set_name} half {name}"] = [
                    page for page in pages if half(page.site) == name
                ]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.extraction", description=__doc__.splitlines()[0]
    )
    known = [*SETS, *CORPUS_SETS]
    parser.add_argument(
        "sets",
        nargs="*",
        metavar="SET",
        help=f"sets to score: {', '.join(known)} (default: all but {BLIND})",
    )
    parser.add_argument(
        "--blind", action="store_true", help=f"score {BLIND}: once, when the work is done"
    )
    parser.add_argument(
        "--by-dataset", action="store_true", help="a row for each dataset of the corpus"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list Reader's lowest pages")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    folders = {**SETS, **CORPUS_SETS}
    names = args.sets or [*SETS, "corpus-dev"] + ([BLIND] if args.blind else [])
    unknown = [name for name in names if name not in folders]
    if unknown:
        parser.error(f"unknown set {unknown[0]!r}; choose from {', '.join(known)}")
    if BLIND in names and not args.blind:
        parser.error(f"{BLIND} is blind: score it once, with --blind, when the work is done")
    if args.blind:
        print(
            f"warning: scoring the blind set {BLIND}; its figures are only blind the first "
            "time: change nothing because of them without saying so",
            file=sys.stderr,
        )
    missing = [name for name in names if not folders[name].is_dir()]
    for name in missing:
        print(
            f"{name}: not built; python -m bench.fetch_extraction_corpus builds it",
            file=sys.stderr,
        )
    results: dict[str, dict[str, dict[str, float]]] = {}
    every: dict[str, Score] = {name: Score() for name in EXTRACTORS}
    for set_name in [name for name in names if name not in missing]:
        pages = gold_pages(folders[set_name])
        scores = {name: score_pages(pages, run(pages)) for name, run in EXTRACTORS.items()}
        by_name = {page.name: page for page in pages}
        for row, members in _rows(set_name, pages, args.by_dataset).items():
            wanted = {page.name for page in members}
            results[row] = {
                name: Score([p for p in score.pages if p[0] in wanted]).figures()
                for name, score in scores.items()
            }
        if set_name in SETS:
            for name, score in scores.items():
                every[name].pages += score.pages
        if args.verbose:
            for page, p, r in sorted(scores["reader"].pages, key=lambda row: min(row[1:]))[:8]:
                print(
                    f"  [{set_name}] {page:40} {by_name[page].site:24} "
                    f"precision {p:.3f} recall {r:.3f}",
                    file=sys.stderr,
                )
    zyte = [name for name in names if name in SETS]
    if len(zyte) > 1:
        results["zyte all"] = {name: score.figures() for name, score in every.items()}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(
        f"{'set':32}{'pages':>6}   {'Reader P / R / F1':20}{'trafilatura':>13}{'favor_recall':>14}"
    )
    for row, by_extractor in results.items():
        reader = by_extractor["reader"]
        print(
            f"{row:32}{reader['pages']:>6}   "
            f"{reader['precision']:.3f} / {reader['recall']:.3f} / {reader['f1']:.3f}"
            f"{by_extractor['trafilatura']['f1']:>11.3f}{by_extractor['favor_recall']['f1']:>14.3f}"
        )
    print("F1 of trafilatura's default extract() and of favor_recall=True, same pages, same run")
    print("target: Reader F1 >= 0.97 on news pages, never below trafilatura's default on any set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
