"""Rebuild the `fundus-quotes` set of `python -m bench.quotes` into bench/.data/fundus-quotes.

    python -m bench.fetch_fundus            # the pages and their bodies (not committed)
    python -m bench.convert_fundus_quotes   # the articles and their gold quotations

A blind set of real news for quote and speaker finding (issue 17): 69 English-language
pages of fundus's parser tests (2023-2026, about fifty publishers in fifteen countries), each
article its page's hand-checked body after the page's title, with the speakers of its direct
quotations labelled by helpers who never saw Reader (stop 44; first and only blind score in
tests/data/quotes/SOURCES.md). The labels are committed (tests/data/quotes/fundus_labels.json:
each quotation's first words and its speaker, as the probes' labels are); the text is the
publishers', so it stays out of the repository and is rebuilt here from the fetched corpus.
An article any of whose labels matches no quotation is left out and named.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

from bench.convert_probes import convert_article, converted, write_article

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "quotes" / "fundus_labels.json"
FUNDUS = Path(os.environ.get("READER_FUNDUS", ROOT / "bench" / ".data" / "fundus"))
OUT = Path(os.environ.get("READER_FUNDUS_QUOTES", ROOT / "bench" / ".data" / "fundus-quotes"))


def convert(fundus: Path = FUNDUS, out: Path = OUT, labels: Path = LABELS) -> tuple[int, list[str]]:
    """Write the set's articles and gold; how many were written, and those left out."""
    index = {row["file"]: row for row in csv.DictReader((fundus / "index.csv").open())}
    articles = json.loads(labels.read_text(encoding="utf-8"))["articles"]
    written, left_out = 0, []
    for name, labelled in sorted(articles.items()):
        row = index.get(name)
        body_path = fundus / row["set"] / f"{name}.txt" if row else None
        if body_path is None or not body_path.exists():
            left_out.append(f"{name} (not fetched)")
            continue
        body = body_path.read_text(encoding="utf-8").strip()
        headline = labelled["headline"]
        text = (f"{headline}\n\n" if headline else "") + body + "\n"
        gold = convert_article(text, labelled["labels"], prefer_double=True)
        if gold is None:
            left_out.append(f"{name} (a label matches no quotation)")
            continue
        write_article(out, name, text, gold)
        written += 1
    return written, left_out


def main(argv: list[str]) -> int:
    if argv:
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    if not (FUNDUS / "index.csv").exists():
        print(
            f"error: {FUNDUS / 'index.csv'} not found; run `python -m bench.fetch_fundus` first",
            file=sys.stderr,
        )
        return 1
    written, left_out = convert()
    print(converted("fundus-quotes", written, left_out, OUT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
