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
  be run once, when the work is done (it was, on 2026-12-01);
- `newspaper-test` and `openings-test`: a third blind set (`python -m
  bench.fetch_news_fixtures` puts it in bench/.data/news-fixtures/, the list in
  `bench/news_fixtures_split.csv`): 119 pages of newspaper's full-text suite with their
  whole corrected text (scored like the corpus), and 143 story openings that goose3's and
  Postlight's parser's tests expect (one "with" snippet a page, scored as below); only
  with `--blind`, once;
- `fundus-dev` and `fundus-test`: a fourth blind set (`python -m bench.fetch_fundus` puts
  it in bench/.data/fundus/, the list in `bench/fundus_split.csv`): 253 article pages of
  178 publishers' sites in 41 countries (2023-2026), the pages fundus's parser tests hold,
  with the body those tests expect (sub-headlines and paragraphs), split by site:
  `fundus-dev` (107 pages, 75 sites; its first score was blind too, then studied) and
  `fundus-test` (146 pages, 103 sites), only with `--blind`, once;
- `omnivore-dev` and `omnivore-test`: a fifth blind set (`python -m bench.fetch_omnivore`
  puts it in bench/.data/omnivore/, the list in `bench/omnivore_split.csv`): 84 pages of 74
  sites (2021-2024) that Omnivore's fork of Readability.js tests, with the output its
  developers accepted, split by site: `omnivore-dev` (38 pages, 34 sites; its first score
  was blind) and `omnivore-test` (46 pages, 40 sites), only with `--blind`, once;
- `trafilatura-eval-dev` and `trafilatura-eval-test`: trafilatura's own evaluation pages
  (989 pages of 939 sites, a sixth of them English), split by site
  (`bench/trafilatura_eval_split.csv`; `python -m bench.fetch_trafilatura_eval` puts them
  in bench/.data/trafilatura-eval/); the test half was scored once, blind, and is now a
  dev set like the other (`trafilatura-eval-seen`, its old name still taken). These pages
  have no hand-cleaned text but snippets, and are scored with trafilatura's own metric:
  each "with" snippet found in the text is a true positive, missing a false negative; each
  "without" snippet found a false positive, absent a true negative (substring match with
  whitespace, soft hyphens and Unicode composition normalised: some snippets were copied
  with the page's soft hyphens, which trafilatura's text drops); precision, recall, accuracy and F1 from the counts summed over the
  pages. Rows for the English pages alone and, for the test half, for the sites Reader's
  pass was never built on.

Every set is also reported by language: its English pages, the others ("not English"), and
with `--by-language` each language. The language is the one each set's index gives (the
stop-word guess of `bench.fetch_trafilatura_eval.language` made when the set was built);
for Zyte's pages and the corpus, whose index names none, the same guess is made on the fly.

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
import unicodedata
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
TRAFILATURA_EVAL = ROOT / "bench" / ".data" / "trafilatura-eval"
NEWS_FIXTURES = ROOT / "bench" / ".data" / "news-fixtures"
CORPUS_SETS["newspaper-test"] = NEWS_FIXTURES / "newspaper-test"
FUNDUS = ROOT / "bench" / ".data" / "fundus"
CORPUS_SETS["fundus-dev"] = FUNDUS / "fundus-dev"
CORPUS_SETS["fundus-test"] = FUNDUS / "fundus-test"
OMNIVORE = ROOT / "bench" / ".data" / "omnivore"
CORPUS_SETS["omnivore-dev"] = OMNIVORE / "omnivore-dev"
CORPUS_SETS["omnivore-test"] = OMNIVORE / "omnivore-test"
# The sixth blind set (stop 78): 20 news pages of 20 sites never used, from nine extractors'
# test fixtures, their stories cleaned by hand; scored once, blind, then read
EXTRACTOR_PAGES = ROOT / "bench" / ".data" / "extractor-pages"
CORPUS_SETS["extractors-test"] = EXTRACTOR_PAGES / "test"
SNIPPET_SETS: dict[str, Path] = {
    "trafilatura-eval-dev": TRAFILATURA_EVAL / "dev",
    "trafilatura-eval-seen": TRAFILATURA_EVAL / "test",
    "openings-test": NEWS_FIXTURES / "openings-test",
}
# The former test half, scored blind once (2026-12-01), now read and worked on.
ALIASES = {"trafilatura-eval-test": "trafilatura-eval-seen"}
# Scored once each, blind, when the work was done; --blind and the set's name to run again.
BLIND_SETS = ("corpus-test", "newspaper-test", "openings-test", "fundus-test", "omnivore-test")
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
        return _figures(len(self.pages), precision=self.precision, recall=self.recall, f1=self.f1)


def _figures(pages: int, **values: float) -> dict[str, float]:
    """A score's figures as the report prints them: the page count, then each rounded."""
    return {"pages": pages, **{name: round(value, 3) for name, value in values.items()}}


def _norm(text: str) -> str:
    """Text as a snippet is matched in it: whitespace runs as one blank, soft hyphens
    dropped and characters composed (NFC), the same words whichever way a page or an
    annotator's copy wrote them."""
    text = text.replace("\u00ad", "")
    return " ".join((text if text.isascii() else unicodedata.normalize("NFC", text)).split())


@dataclass
class SnippetScore:
    """trafilatura's evaluation metric: per page, (name, tp, fp, fn, tn) from its snippets."""

    pages: list[tuple[str, int, int, int, int]] = field(default_factory=list)

    def _sum(self, column: int) -> int:
        return sum(int(page[column]) for page in self.pages)

    @property
    def precision(self) -> float:
        tp, fp = self._sum(1), self._sum(2)
        return tp / (tp + fp) if tp + fp else 0.0

    @property
    def recall(self) -> float:
        tp, fn = self._sum(1), self._sum(3)
        return tp / (tp + fn) if tp + fn else 0.0

    @property
    def accuracy(self) -> float:
        total = sum(self._sum(column) for column in (1, 2, 3, 4))
        return (self._sum(1) + self._sum(4)) / total if total else 0.0

    @property
    def f1(self) -> float:
        tp, fp, fn = self._sum(1), self._sum(2), self._sum(3)
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0

    def figures(self) -> dict[str, float]:
        return _figures(
            len(self.pages),
            precision=self.precision,
            recall=self.recall,
            f1=self.f1,
            accuracy=self.accuracy,
        )


def snippet_counts(snippets: dict[str, list[str]], text: str) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) of one page, as trafilatura's tests/eval_common.py counts them."""
    found = _norm(text)
    tp = sum(1 for snippet in snippets["with"] if _norm(snippet) in found)
    fp = sum(1 for snippet in snippets["without"] if _norm(snippet) in found)
    return tp, fp, len(snippets["with"]) - tp, len(snippets["without"]) - fp


def score_snippets(pages: list[GoldPage], texts: dict[str, str]) -> SnippetScore:
    score = SnippetScore()
    for page in pages:
        score.pages.append((page.name, *snippet_counts(page.snippets, texts.get(page.name, ""))))
    return score


@dataclass(frozen=True)
class GoldPage:
    """A saved page, its hand-cleaned story, its site and (for the corpus) its news tier."""

    name: str
    path: Path
    site: str
    tier: str = "news"
    near_zyte: bool = False  # a page of a site in the Zyte dev set Reader was built on
    dataset: str = "zyte"
    language: str = ""  # as the set's index says; "" where it does not (`page_language`)

    @property
    def html(self) -> bytes:
        return gzip.decompress(self.path.read_bytes())

    @property
    def snippets(self) -> dict[str, list[str]]:
        """A trafilatura-eval page's "with" and "without" snippets."""
        data = json.loads(self.path.with_name(f"{self.name}.json").read_text(encoding="utf-8"))
        return {"with": list(data["with"]), "without": list(data["without"])}

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
        if "language" in row:  # "near": a site Reader was built on
            near = row["site_seen"] == "1"
            dataset = row.get("dataset") or "trafilatura-eval"
            pages.append(GoldPage(name, path, site, "", near, dataset, row["language"]))
            continue
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
                seen = memory.seen_elsewhere(f"https://{site}/_", read[page.name].found_texts)
                article = story(read[page.name], seen_elsewhere=seen)
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


_LANGUAGE_SETS = ("newspaper-test", "fundus-dev", "fundus-test", "omnivore-dev", "omnivore-test")


def page_language(page: GoldPage) -> str:
    """A page's language: its set's index's, or where the index names none (Zyte's pages, the
    corpus) the one the sets were labelled with (`fetch_trafilatura_eval.language`: the
    language whose own stop words are most of the page's visible words)."""
    if page.language:
        return page.language
    from bench.fetch_trafilatura_eval import language

    return language(page.html, _stop_words())


_STOP_WORDS: list[dict[str, frozenset[str]]] = []


def _stop_words() -> dict[str, frozenset[str]]:
    if not _STOP_WORDS:
        from bench.fetch_trafilatura_eval import _own_words

        _STOP_WORDS.append(_own_words())
    return _STOP_WORDS[0]


def _language_rows(
    set_name: str, pages: list[GoldPage], by_language: bool
) -> dict[str, list[GoldPage]]:
    """Rows by language: English, not English, and with `by_language` each language."""
    languages = {page.name: page_language(page) for page in pages}
    rows = {f"{set_name} English": [p for p in pages if languages[p.name] == "English"]}
    other = [page for page in pages if languages[page.name] != "English"]
    if other:
        rows[f"{set_name} not English"] = other
    if by_language:
        for name in sorted({languages[page.name] for page in other}):
            rows[f"{set_name} {name}"] = [p for p in other if languages[p.name] == name]
    return rows


def _rows(
    set_name: str, pages: list[GoldPage], by_dataset: bool, by_language: bool = False
) -> dict[str, list[GoldPage]]:
    """The rows a set is reported in: all its pages, by language, and parts of the corpus."""
    rows = {set_name: pages, **_language_rows(set_name, pages, by_language)}
    if set_name in SNIPPET_SETS or set_name in _LANGUAGE_SETS:
        if set_name in BLIND_SETS:
            rows[f"{set_name} unseen sites"] = [page for page in pages if not page.near_zyte]
        if by_dataset and set_name == "openings-test":
            for dataset in sorted({page.dataset for page in pages}):
                rows[f"{set_name} {dataset}"] = [p for p in pages if p.dataset == dataset]
        return rows
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
    known = [*SETS, *CORPUS_SETS, *SNIPPET_SETS]
    parser.add_argument(
        "sets",
        nargs="*",
        metavar="SET",
        help=f"sets to score: {', '.join(known)} (default: all but {' and '.join(BLIND_SETS)})",
    )
    parser.add_argument(
        "--blind",
        action="store_true",
        help=f"allow a blind set ({', '.join(BLIND_SETS)}), named: once, when the work is done",
    )
    parser.add_argument(
        "--by-dataset", action="store_true", help="a row for each dataset of the corpus"
    )
    parser.add_argument(
        "--by-language", action="store_true", help="a row for each language, not only English"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list Reader's lowest pages")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    folders = {**SETS, **CORPUS_SETS, **SNIPPET_SETS}
    names = [ALIASES.get(name, name) for name in args.sets] or [
        *SETS,
        "corpus-dev",
        "trafilatura-eval-dev",
        "trafilatura-eval-seen",
        "fundus-dev",
        "omnivore-dev",
        "extractors-test",
    ]
    unknown = [name for name in names if name not in folders]
    if unknown:
        parser.error(f"unknown set {unknown[0]!r}; choose from {', '.join(known)}")
    blind = [name for name in names if name in BLIND_SETS]
    if blind and not args.blind:
        parser.error(f"{blind[0]} is blind: score it once, with --blind, when the work is done")
    if args.blind and not blind:
        parser.error(f"--blind scores only the blind set named: {' or '.join(BLIND_SETS)}")
    for name in blind:
        print(
            f"warning: scoring the blind set {name}; its figures are only blind the first "
            "time: change nothing because of them without saying so",
            file=sys.stderr,
        )
    missing = [name for name in names if not folders[name].is_dir()]
    for name in missing:
        builder = "fetch_extraction_corpus"
        if name.startswith("trafilatura-eval"):
            builder = "fetch_trafilatura_eval"
        elif name in ("newspaper-test", "openings-test"):
            builder = "fetch_news_fixtures"
        elif name.startswith("fundus"):
            builder = "fetch_fundus"
        elif name.startswith("omnivore"):
            builder = "fetch_omnivore"
        elif name == "extractors-test":
            builder = "fetch_extractor_pages"
        print(f"{name}: not built; python -m bench.{builder} builds it", file=sys.stderr)
    results: dict[str, dict[str, dict[str, float]]] = {}
    every: dict[str, Score] = {name: Score() for name in EXTRACTORS}
    for set_name in [name for name in names if name not in missing]:
        pages = gold_pages(folders[set_name])
        if set_name in SNIPPET_SETS:
            snippet_scores = {
                name: score_snippets(pages, run(pages)) for name, run in EXTRACTORS.items()
            }
            for row, members in _rows(set_name, pages, args.by_dataset, args.by_language).items():
                wanted = {page.name for page in members}
                results[row] = {
                    name: SnippetScore([p for p in score.pages if p[0] in wanted]).figures()
                    for name, score in snippet_scores.items()
                }
            if args.verbose:
                _list_snippet_misses(set_name, pages, snippet_scores["reader"])
            continue
        scores = {name: score_pages(pages, run(pages)) for name, run in EXTRACTORS.items()}
        by_name = {page.name: page for page in pages}
        for row, members in _rows(set_name, pages, args.by_dataset, args.by_language).items():
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
        f"{'set':36}{'pages':>6}   {'Reader P / R / F1':20}{'trafilatura':>13}{'favor_recall':>14}"
        f"{'accuracy R / t / f':>24}"
    )
    for row, by_extractor in results.items():
        reader = by_extractor["reader"]
        accuracy = ""
        if "accuracy" in reader:
            accuracy = " / ".join(f"{by_extractor[name]['accuracy']:.3f}" for name in EXTRACTORS)
        print(
            f"{row:36}{reader['pages']:>6}   "
            f"{reader['precision']:.3f} / {reader['recall']:.3f} / {reader['f1']:.3f}"
            f"{by_extractor['trafilatura']['f1']:>11.3f}{by_extractor['favor_recall']['f1']:>14.3f}"
            f"{accuracy:>24}"
        )
    print("F1 of trafilatura's default extract() and of favor_recall=True, same pages, same run;")
    print("trafilatura-eval rows: snippets found (trafilatura's metric), accuracy of the three")
    print("target: Reader F1 >= 0.97 on news pages, never below trafilatura's default on any set")
    return 0


def _list_snippet_misses(set_name: str, pages: list[GoldPage], score: SnippetScore) -> None:
    """The pages where Reader missed most snippets or kept most boilerplate ones (-v)."""
    sites = {page.name: page.site for page in pages}
    for name, tp, fp, fn, tn in sorted(score.pages, key=lambda row: -(row[2] + row[3]))[:12]:
        print(
            f"  [{set_name}] {name:40} {sites[name]:28} with {tp}/{tp + fn} found, "
            f"without {fp}/{fp + tn} found",
            file=sys.stderr,
        )


if __name__ == "__main__":
    sys.exit(main())
