"""Search quality: does a query with a typo still find its annotation, and does an unrelated
word find nothing?

Run with `python -m bench.search_quality` (part of `make bench`); `-v` lists the misses;
`--json` prints the figures. The corpus is real text: every hand-labelled quotation of the
gold sets (tests/data/gold, tests/data/quotes), each an annotation with its speaker as the
source and one or two themes from a list of newsroom themes (chosen by a seeded hash);
with `--polnear`, the PolNeAR dev quotations too (bench/fetch_polnear.py), 9,000 more.

Queries (seeded, at least 500), each with the annotations it should find:
- exact: a word of the quote or source that few annotations hold;
- field: `source:"Full Name"`, `source:Surname`, `theme:"a theme"`;
- surname: a speaker's surname alone;
- short typo: a first name or surname of 3 to 5 letters with one edit (insert, delete,
  substitute, swap two neighbours), anywhere in the word, that is not itself a word of the
  corpus; the other words of the name as typed;
- long typo: a word of 6 letters or more with one edit (two for 9 letters or more);
- unrelated: a real word that no annotation holds, taken from the hand-cleaned news text of
  tests/data/extraction (so not from any list the search itself uses).
A query is found when one of its annotations is in the top 10 (for a query that many
annotations answer, when the top 10 are all among them). Unrelated words should find
nothing: the figure is the share that returns no result at all.
Targets (issue 15): recall@10 >= 0.99 in every typo class, 1.00 for exact and field
queries; >= 0.95 of unrelated words find nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.annotations.search import SearchIndex, fold_text, tokens
from reader.annotations.vocabulary import inflections
from reader.core.records import Annotation, ArticleRecord

ROOT = Path(__file__).resolve().parent.parent
GOLD_SETS = [
    ROOT / "tests" / "data" / "gold",
    *(ROOT / "tests" / "data" / "quotes" / s for s in ("dev", "test", "holdout")),
]
POLNEAR = ROOT / "bench" / ".data" / "polnear" / "dev"
UNRELATED_TEXTS = ROOT / "tests" / "data" / "extraction"
THEMES = [
    "public safety", "human rights", "sovereignty", "accountability", "immigration",
    "economy", "health care", "climate", "elections", "policing/oversight", "policing/use of force",
    "education", "housing", "trade", "technology", "privacy", "foreign policy", "defence",
    "courts", "religion", "culture", "sport", "labour", "energy", "transport", "science",
    "disaster response", "corruption", "media", "diplomacy",
]  # fmt: skip
CLASSES = ("exact", "field", "surname", "short typo", "long typo")
SEED = 2026


@dataclass
class Query:
    kind: str
    text: str
    wanted: frozenset[str]  # annotation ids that answer it


@dataclass
class Outcome:
    asked: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.found / self.asked if self.asked else 1.0


def _stable(value: str) -> int:
    return int(hashlib.sha1(value.encode("utf-8")).hexdigest()[:8], 16)


def corpus(with_polnear: bool = False) -> tuple[list[Annotation], dict[int, str]]:
    """Annotations of real quotations: speaker as source, themes by a stable hash."""
    annotations: list[Annotation] = []
    titles: dict[int, str] = {}
    folders = [*GOLD_SETS, *([POLNEAR] if with_polnear and POLNEAR.is_dir() else [])]
    article_id = 0
    for folder in folders:
        for quotes_file in sorted(folder.glob("*.quotes.json")):
            article_id += 1
            text = quotes_file.with_name(quotes_file.name.replace(".quotes.json", ".txt"))
            titles[article_id] = text.read_text(encoding="utf-8").split("\n", 1)[0][:120]
            for number, gold in enumerate(json.loads(quotes_file.read_text(encoding="utf-8"))):
                speaker = gold.get("speaker") or None
                if speaker and gold.get("speaker_status", "named") != "named":
                    speaker = None
                key = f"{quotes_file.name}:{number}"
                first = THEMES[_stable(key) % len(THEMES)]
                second = THEMES[_stable(key + "+") % len(THEMES)]
                themes = (first,) if _stable(key) % 3 else (first, second)
                annotations.append(
                    Annotation(
                        id=hashlib.sha1(key.encode()).hexdigest()[:32],
                        article_id=article_id,
                        start=int(gold["start"]),
                        end=int(gold["end"]),
                        quote=gold["quote"],
                        source=speaker,
                        themes=tuple(dict.fromkeys(themes)),
                        created="2026-01-01T00:00:00+00:00",
                        updated="2026-01-01T00:00:00+00:00",
                    )
                )
    return annotations, titles


def _edit(word: str, rng: random.Random, vocabulary: set[str]) -> str | None:
    """One random edit of `word` that is not itself a word of the corpus."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for _ in range(50):
        position = rng.randrange(len(word))
        kind = rng.choice(("insert", "delete", "substitute", "swap"))
        if kind == "insert":
            typed = word[:position] + rng.choice(letters) + word[position:]
        elif kind == "delete" and len(word) > 3:
            typed = word[:position] + word[position + 1 :]
        elif kind == "substitute":
            typed = word[:position] + rng.choice(letters) + word[position + 1 :]
        elif kind == "swap" and position < len(word) - 1 and word[position] != word[position + 1]:
            typed = word[:position] + word[position + 1] + word[position] + word[position + 2 :]
        else:
            continue
        if typed != word and fold_text(typed) not in vocabulary:
            return typed
    return None


def queries(
    annotations: list[Annotation], count: int = 120, titles: dict[int, str] | None = None
) -> list[Query]:
    """The query set, with what each should find (see the module docstring)."""
    rng = random.Random(SEED)
    by_word: dict[str, set[str]] = defaultdict(set)
    by_source: dict[str, set[str]] = defaultdict(set)
    by_theme: dict[str, set[str]] = defaultdict(set)
    for a in annotations:
        for word in set(tokens(f"{a.quote} {a.source or ''} {' '.join(a.themes)}")):
            by_word[word].add(a.id)
        if a.source:
            by_source[a.source].add(a.id)
        for theme in a.themes:
            by_theme[theme].add(a.id)
            by_theme[theme.split("/")[0]].add(a.id)
    vocabulary = set(by_word)
    rare = sorted(w for w, ids in by_word.items() if len(ids) <= 5 and len(w) >= 4)
    names = sorted(s for s in by_source if len(tokens(s)) >= 2 and s[0].isupper())
    made: list[Query] = []
    for word in rng.sample(rare, min(count, len(rare))):
        made.append(Query("exact", word, frozenset(by_word[word])))
    for name in rng.sample(names, min(count // 2, len(names))):
        surname = tokens(name)[-1]
        made.append(Query("field", f'source:"{name}"', frozenset(by_source[name])))
        wanted = frozenset().union(*(by_source[s] for s in by_source if surname in tokens(s)))
        made.append(Query("field", f"source:{surname}", wanted))
        made.append(Query("surname", surname, wanted))
    for theme in THEMES:
        made.append(Query("field", f'theme:"{theme}"', frozenset(by_theme[theme])))
    short_names = [
        (name, word)
        for name in names
        for word in tokens(name)
        if 3 <= len(word) <= 5 and word.isalpha()
    ]
    for name, word in rng.sample(short_names, min(count, len(short_names))):
        typed = _edit(word, rng, vocabulary)
        if typed is None:
            continue
        text = " ".join(typed if w == word else w for w in tokens(name))
        made.append(Query("short typo", text, frozenset(by_source[name])))
    long_words = sorted(w for w in rare if len(w) >= 6 and w.isalpha())
    for word in rng.sample(long_words, min(count, len(long_words))):
        typed = _edit(word, rng, vocabulary)
        if typed and len(word) >= 9:
            typed = _edit(typed, rng, vocabulary) or typed
        if typed:
            made.append(Query("long typo", typed, frozenset(by_word[word])))
    title_words = {w for title in (titles or {}).values() for w in tokens(title)}
    for word in unrelated_words(vocabulary | title_words, rng, count):
        made.append(Query("unrelated", word, frozenset()))
    return made


def unrelated_words(vocabulary: set[str], rng: random.Random, count: int) -> list[str]:
    """Real words of news text (lower case, 4 letters or more) that no annotation holds,
    nor any form of (a word sharing its stem: "offices" and "office" are related; nor its
    plural or singular, which search finds on purpose)."""
    stems = {_stem(word) for word in vocabulary}
    seen: set[str] = set()
    for path in sorted(UNRELATED_TEXTS.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        for word in re.findall(r"\b[a-z]{4,12}\b(?!['’])", text):  # not "hasn't"
            if (
                fold_text(word) not in vocabulary
                and _stem(word) not in stems
                and vocabulary.isdisjoint(inflections(word))  # "currencies": "currency"
            ):
                seen.add(word)
    return rng.sample(sorted(seen), min(count, len(seen)))


_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "ly", "s")


def _stem(word: str) -> str:
    """A crude stem, to keep a word's other forms out of the unrelated words."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)].rstrip("e")
    return word.rstrip("e")


def evaluate(index: SearchIndex, made: list[Query]) -> dict[str, Outcome]:
    outcomes = {kind: Outcome() for kind in (*CLASSES, "unrelated")}
    for query in made:
        results = index.search(query.text, limit=10)
        ids = [hit.annotation.id for hit in results.hits]
        outcome = outcomes[query.kind]
        outcome.asked += 1
        if query.kind == "unrelated":
            ok = results.total == 0
        elif len(query.wanted) > 10:
            ok = len(ids) == 10 and all(i in query.wanted for i in ids)
        else:
            ok = any(i in query.wanted for i in ids)
        outcome.found += ok
        if not ok:
            shown = ", ".join(
                h.annotation.source or h.annotation.quote[:20] for h in results.hits[:3]
            )
            outcome.misses.append(f"{query.text!r} -> {results.total} ({shown})")
    return outcomes


def polnear_available() -> bool:
    """Whether PolNeAR dev was fetched (bench/fetch_polnear.py)."""
    return POLNEAR.is_dir()


def figures(with_polnear: bool = False, verbose: bool = False) -> dict[str, Any]:
    """Build the corpus and its queries, search, and score: {"annotations": n, "queries":
    n, "classes": {class: (queries, share)}, "misses": {class: [...]}}."""
    annotations, titles = corpus(with_polnear)
    index = SearchIndex.of(annotations, [ArticleRecord(i, "", t, "") for i, t in titles.items()])
    made = queries(annotations, titles=titles)
    outcomes = evaluate(index, made)
    return {
        "annotations": len(annotations),
        "queries": len(made),
        "classes": {k: (o.asked, round(o.share, 3)) for k, o in outcomes.items()},
        "misses": {k: o.misses for k, o in outcomes.items()} if verbose else {},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_quality")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--polnear", action="store_true", help="add PolNeAR dev, when fetched")
    args = parser.parse_args(argv)
    result = figures(args.polnear, args.verbose)
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "misses"}, indent=2))
        return 0
    print(f"{result['annotations']:,} annotations, {result['queries']} queries")
    print(f"{'class':<12} {'queries':>7}  {'recall@10':>9}   target")
    for kind, (asked, share) in result["classes"].items():
        if kind == "unrelated":
            print(f"{kind:<12} {asked:>7}  {share:>9.3f}   >= 0.95 find nothing")
        else:
            target = ">= 1.00" if kind in ("exact", "field") else ">= 0.99"
            print(f"{kind:<12} {asked:>7}  {share:>9.3f}   {target}")
    for kind, misses in result["misses"].items():
        for miss in misses:
            print(f"  {kind}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
