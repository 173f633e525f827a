"""Score Reader's cleaning of web pages against hand-cleaned story text, beside trafilatura's.

Run with `python -m bench.extraction` (or `make bench-extraction`); `-v` lists the pages
scored lowest; `--json` prints the figures as JSON. Each set is a folder of pages
`NAME.html.gz` with `NAME.txt`, the story body cleaned by hand (tests/data/extraction/
SOURCES.md says where they come from).

The score is the one article-extraction benchmarks use: the text is lower-cased and split
into words; each text becomes the multiset of its 4-word shingles; per page, precision is the
share of the extracted shingles that the hand-cleaned text holds and recall the share of the
hand-cleaned shingles that were extracted (a page where nothing was extracted scores 0 on
both); precision and recall are averaged over the pages, and F1 is computed from the two
averages. Reader's text is what Reader shows: the Markdown file it writes, read back.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# "holdout" and "test" were each scored once, blind (figures and history in SOURCES.md).
SETS: dict[str, Path] = {
    "dev": ROOT / "tests" / "data" / "extraction" / "dev",
    "holdout": ROOT / "tests" / "data" / "extraction" / "holdout",
    "test": ROOT / "tests" / "data" / "extraction" / "test",
}
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


def reader_text(html: bytes) -> str:
    """The story as Reader shows it: cleaned, written as Markdown, read back."""
    from reader.library.adding import read_back, to_markdown
    from reader.library.extraction import ExtractionError, clean_page

    try:
        article = clean_page(html)
    except ExtractionError:
        return ""
    document = to_markdown(article, added="")
    text = read_back(document)
    return text.split("\n\n", 1)[1] if "\n\n" in text else ""  # without the headline


def trafilatura_text(html: bytes) -> str:
    """trafilatura's default `extract()`, the reference."""
    import trafilatura

    return trafilatura.extract(html) or ""


EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "reader": reader_text,
    "trafilatura": trafilatura_text,
}


def score_set(folder: Path, extract: Callable[[bytes], str]) -> Score:
    score = Score()
    for page in sorted(folder.glob("*.html.gz")):
        name = page.name.removesuffix(".html.gz")
        truth = (folder / f"{name}.txt").read_text(encoding="utf-8")
        precision, recall = precision_recall(truth, extract(gzip.decompress(page.read_bytes())))
        score.pages.append((name, precision, recall))
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.extraction", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "sets", nargs="*", metavar="SET", help=f"sets to score: {', '.join(SETS)} (default: all)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list Reader's lowest pages")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    names = args.sets or list(SETS)
    unknown = [name for name in names if name not in SETS]
    if unknown:
        parser.error(f"unknown set {unknown[0]!r}; choose from {', '.join(SETS)}")
    results: dict[str, dict[str, dict[str, float]]] = {}
    every: dict[str, Score] = {name: Score() for name in EXTRACTORS}
    for set_name in names:
        results[set_name] = {}
        for name, extract in EXTRACTORS.items():
            score = score_set(SETS[set_name], extract)
            every[name].pages += score.pages
            results[set_name][name] = score.figures()
            if args.verbose and name == "reader":
                for page, p, r in sorted(score.pages, key=lambda row: min(row[1:]))[:8]:
                    print(
                        f"  [{set_name}] {page:28} precision {p:.3f} recall {r:.3f}",
                        file=sys.stderr,
                    )
    if len(names) > 1:
        results["all"] = {name: score.figures() for name, score in every.items()}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'set':10}{'extractor':13}{'pages':>6}{'precision':>10}{'recall':>8}{'F1':>7}")
    for set_name, by_extractor in results.items():
        for name, figures in by_extractor.items():
            print(
                f"{set_name:10}{name:13}{figures['pages']:>6}{figures['precision']:>10.3f}"
                f"{figures['recall']:>8.3f}{figures['f1']:>7.3f}"
            )
    print("target: Reader F1 >= 0.97 and never below trafilatura's default on the same pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
