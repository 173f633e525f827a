"""Build the `l3s-quotes` set of `python -m bench.quotes` into bench/.data/l3s-quotes.

    python -m bench.convert_l3s_quotes [--mirror DIR]       # the articles and their gold
    python -m bench.convert_l3s_quotes --texts OUT [--batch 2]   # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of another time and other
outlets than the `zyte` and `fundus-quotes` sets: L3S-GN1's English Google News pages of
2008 (Kohlschütter et al., "Boilerplate Detection using Shallow Text Features", WSDM 2010),
their story text as the dataset's annotators marked it, after the headline they marked.
The articles were chosen before any was read: of the dataset's pages listed in
`bench/extraction_corpus.csv` (either half), those of 150 words or more with six double
quotation marks or more, in the order of sha256("reader-l3s-quotes-v1|" + name), at most
one page a site, the first 70. Their speakers were labelled by helpers who never saw
Reader (stop 45; first and only blind score in tests/data/quotes/SOURCES.md), committed as
first words and speakers (tests/data/quotes/l3s_labels.json). L3S-GN1 is for research use,
so the text stays out of the repository and is rebuilt here from the dataset's repository
(github: geodrome/page-signal, at the commit `bench.fetch_extraction_corpus` pins).

A second batch, `l3s-quotes-2` (the next 70 pages down the same order, no site of the
first), was labelled the same way after the mends read off the first, to score them once
on pages of the same kind that no one had read (labels: tests/data/quotes/l3s2_labels.json).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import sys
from pathlib import Path

from bench.convert_probes import convert_article, converted, write_article
from bench.fetch_extraction_corpus import MANIFEST, SOURCES, Repository, gold_l3s

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "quotes" / "l3s_labels.json"
OUT = Path(os.environ.get("READER_L3S_QUOTES", ROOT / "bench" / ".data" / "l3s-quotes"))
LABELS_2 = ROOT / "tests" / "data" / "quotes" / "l3s2_labels.json"
OUT_2 = Path(os.environ.get("READER_L3S_QUOTES_2", ROOT / "bench" / ".data" / "l3s-quotes-2"))
BATCHES = {1: (LABELS, OUT), 2: (LABELS_2, OUT_2)}  # batch -> its labels, its set's folder
CACHE = ROOT / "bench" / ".data" / "extraction" / "sources"
ARTICLES = 70
MIN_WORDS = 150
MIN_MARKS = 6
_DOUBLE_MARKS = re.compile(r"[\"“”]")


def headline_l3s(raw: bytes) -> str:
    """The headline L3S-GN1's annotators marked (class x-nc-sel1), or nothing."""
    from lxml import html

    from bench.fetch_extraction_corpus import _decode

    for span in html.fromstring(_decode(raw)).iter("span"):
        if "x-nc-sel1" in (span.get("class") or "").split():
            text = " ".join(span.text_content().split())
            if text:
                return text
    return ""


def chosen(repository: Repository, batch: int = 1) -> list[tuple[str, str]]:
    """A batch's articles, (name, text), chosen as the module docstring says: batch 2 goes
    on down the same order after batch 1, one page a site across both."""
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["dataset"] == "l3s-gn1"]
    rows.sort(
        key=lambda row: hashlib.sha256(f"reader-l3s-quotes-v1|{row['file']}".encode()).hexdigest()
    )
    articles: list[tuple[str, str]] = []
    sites: set[str] = set()
    for row in rows:
        if row["site"] in sites:
            continue
        raw = repository.read(row["gold"].split(":", 1)[1])
        body = "\n\n".join(gold_l3s(raw)).strip()
        if len(body.split()) < MIN_WORDS or len(_DOUBLE_MARKS.findall(body)) < MIN_MARKS:
            continue
        headline = headline_l3s(raw)
        sites.add(row["site"])
        articles.append(
            (
                f"l3s-{row['file'].removeprefix('l3s-gn1-')}",
                (f"{headline}\n\n" if headline else "") + body + "\n",
            )
        )
        if len(articles) == ARTICLES * batch:
            break
    return articles[ARTICLES * (batch - 1) :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.convert_l3s_quotes", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--mirror", type=Path, help="read the dataset from a bare copy DIR/owner+name/repo"
    )
    parser.add_argument(
        "--texts", type=Path, help="write the bare texts here (for labelling), no gold"
    )
    parser.add_argument(
        "--batch", type=int, choices=sorted(BATCHES), default=1, help="with --texts: which batch"
    )
    args = parser.parse_args(argv)
    CACHE.mkdir(parents=True, exist_ok=True)
    repository = Repository(SOURCES["l3s"], args.mirror, CACHE)
    if args.texts is not None:
        args.texts.mkdir(parents=True, exist_ok=True)
        articles = chosen(repository, args.batch)
        for name, text in articles:
            (args.texts / f"{name}.txt").write_text(text, encoding="utf-8")
        print(f"l3s batch {args.batch}: {len(articles)} texts in {args.texts}")
        return 0
    built = 0
    for batch, (labels_path, out) in sorted(BATCHES.items()):
        if not labels_path.exists():
            continue
        labels = json.loads(labels_path.read_text(encoding="utf-8"))["articles"]
        written, left_out = 0, []
        for name, text in chosen(repository, batch):
            if name not in labels:
                continue
            gold = convert_article(text, labels[name]["labels"])
            if gold is None:
                left_out.append(f"{name} (a label matches no quotation)")
                continue
            write_article(out, name, text, gold)
            written += 1
        built += 1
        print(converted(out.name, written, left_out, out))
    if not built:
        print(f"error: {LABELS} not found: label the texts first (--texts)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
