"""Score quote finding and speaker suggestion against the hand-labelled gold sets.

Run with `python -m bench.quotes` (or `make bench-quotes`); `-v` lists every miss, wrong
speaker and extra quote; `--json` prints the figures as JSON. Each set is a folder of
articles `NAME.txt` with `NAME.quotes.json` (the direct quotations and their speakers) and
`NAME.nonquotes.json` (quoted text that is not speech), labelled by the conventions of
tests/data/gold/SOURCES.md:

- quotation recall: gold quotations found with exactly their span and offered as speech;
- quotation precision: of the spans offered as speech, those that are gold quotations
  (scare quotes and titles offered as speech count against it);
- speaker precision: of the found quotations given a speaker, those whose speaker is right;
- speaker recall: gold quotations found with the right speaker.

A speaker is right when it is the gold full name or one of the gold's full-name aliases
("General Motors" / "GM"), compared without case, dots and a leading "the". A surname
alone is wrong when the article gave the full name.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reader.quotes import find_quotes

ROOT = Path(__file__).resolve().parent.parent
# The sets, in the order they were labelled. "holdout" was scored once, blind, before any
# change informed by it (figures in tests/data/quotes/SOURCES.md).
SETS: dict[str, Path] = {
    "samples": ROOT / "tests" / "data" / "gold",
    "dev": ROOT / "tests" / "data" / "quotes" / "dev",
    "test": ROOT / "tests" / "data" / "quotes" / "test",
    "holdout": ROOT / "tests" / "data" / "quotes" / "holdout",
}


@dataclass
class Score:
    """Counts for one set (or several added together) and the figures they give."""

    articles: int = 0
    gold: int = 0
    found: int = 0
    offered: int = 0
    offered_wrongly: int = 0
    speaker_given: int = 0
    speaker_right: int = 0
    problems: list[str] = field(default_factory=list)

    def __add__(self, other: Score) -> Score:
        return Score(
            self.articles + other.articles,
            self.gold + other.gold,
            self.found + other.found,
            self.offered + other.offered,
            self.offered_wrongly + other.offered_wrongly,
            self.speaker_given + other.speaker_given,
            self.speaker_right + other.speaker_right,
            self.problems + other.problems,
        )

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return (self.offered - self.offered_wrongly) / self.offered if self.offered else 1.0

    @property
    def speaker_precision(self) -> float:
        return self.speaker_right / self.speaker_given if self.speaker_given else 1.0

    @property
    def speaker_recall(self) -> float:
        return self.speaker_right / self.gold if self.gold else 1.0

    def figures(self) -> dict[str, float | int]:
        return {
            "articles": self.articles,
            "quotations": self.gold,
            "recall": round(self.recall, 3),
            "precision": round(self.precision, 3),
            "speaker_precision": round(self.speaker_precision, 3),
            "speaker_recall": round(self.speaker_recall, 3),
        }


def _normal(name: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(name.casefold().replace(".", "").split()))


def _accepted_names(gold: dict) -> set[str]:
    """The gold speaker and those of its mentions that are full names or acronyms."""
    names = {_normal(gold["speaker"])}
    for mention in gold.get("speaker_mentions", []):
        if len(mention.split()) >= 2 or (mention.replace(".", "").isupper() and len(mention) > 1):
            names.add(_normal(mention))
    return names


def score_article(text_path: Path) -> Score:
    """Score one labelled article."""
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(text_path.with_suffix(".quotes.json").read_text(encoding="utf-8"))
    speech = [f for f in find_quotes(text) if f.speech]
    by_span = {(f.span.start, f.span.end): f for f in speech}
    gold_spans = {(g["start"], g["end"]) for g in gold}
    name = text_path.stem
    score = Score(articles=1, gold=len(gold), offered=len(speech))
    for finding in speech:
        if (finding.span.start, finding.span.end) not in gold_spans:
            score.offered_wrongly += 1
            excerpt = text[finding.span.start : finding.span.end][:60]
            score.problems.append(f"EXTRA  {name}: {excerpt!r} -> {finding.speaker}")
    for item in gold:
        finding = by_span.get((item["start"], item["end"]))
        excerpt = item["quote"][:60]
        if finding is None:
            score.problems.append(f"MISSED {name}: {excerpt!r}")
            continue
        score.found += 1
        if not finding.speaker:
            score.problems.append(f"NONE   {name}: {excerpt!r} want {item['speaker']!r}")
            continue
        score.speaker_given += 1
        if _normal(finding.speaker) in _accepted_names(item):
            score.speaker_right += 1
        else:
            score.problems.append(
                f"WRONG  {name}: {finding.speaker!r} want {item['speaker']!r}: {excerpt!r}"
            )
    return score


def score_set(folder: Path) -> Score:
    """Score every labelled article of a folder."""
    total = Score()
    for text_path in sorted(folder.glob("*.txt")):
        if text_path.with_suffix(".quotes.json").exists():
            total = total + score_article(text_path)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.quotes", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "sets", nargs="*", metavar="SET", help=f"sets to score: {', '.join(SETS)} (default: all)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every problem")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    names = args.sets or list(SETS)
    unknown = [name for name in names if name not in SETS]
    if unknown:
        parser.error(f"unknown set {unknown[0]!r}; choose from {', '.join(SETS)}")
    scores = {name: score_set(SETS[name]) for name in names}
    total = Score()
    for score in scores.values():
        total = total + score
    scores["all"] = total
    if args.json:
        print(json.dumps({name: s.figures() for name, s in scores.items()}, indent=2))
        return 0
    if args.verbose:
        for name, score in scores.items():
            if name != "all":
                for problem in score.problems:
                    print(f"  [{name}] {problem}")
    print(
        f"{'set':<9} {'articles':>8} {'quotes':>7} {'recall':>7} {'precision':>9} {'spk prec':>9} {'spk recall':>10}"
    )
    for name, score in scores.items():
        print(
            f"{name:<9} {score.articles:>8} {score.gold:>7} {score.recall:>7.3f} {score.precision:>9.3f}"
            f" {score.speaker_precision:>9.3f} {score.speaker_recall:>10.3f}"
        )
    print("targets: recall >= 0.95, speaker precision >= 0.90, speaker recall >= 0.85")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["SETS", "Score", "score_article", "score_set"]
