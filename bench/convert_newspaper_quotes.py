"""Build the `newspaper-quotes` set of `python -m bench.quotes` into bench/.data/newspaper-quotes.

    python -m bench.convert_newspaper_quotes [--mirror DIR]   # the articles and their gold
    python -m bench.convert_newspaper_quotes --texts OUT      # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of other outlets and
years than every set before it: the English pages of newspaper's full-text test suite
(github: codelucas/newspaper, MIT; pages of 69 sites saved in December 2014 - January 2015,
the `newspaper-test` set of `bench.fetch_news_fixtures`), each article the story text
newspaper's authors corrected by hand. Reader's cleaning was scored on these pages, but the
quote finder never read them. The pages were chosen before any was read, as `bench.news_pages`
says (salt "reader-newspaper-quotes-v1", at most one page a site); their speakers were
labelled by helpers who never saw Reader (stop 49; first and only blind score in
tests/data/quotes/SOURCES.md) and committed as first words and speakers
(tests/data/quotes/newspaper_labels.json); the texts, their publishers' work, are rebuilt
here from newspaper's repository. The suite marks no headline: the text is the story alone.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.fetch_extraction_corpus import gold_lines
from bench.fetch_news_fixtures import SOURCES, SPLIT
from bench.news_pages import NewsQuoteSet, Row, story_only

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "quotes" / "newspaper_labels.json"
OUT = Path(os.environ.get("READER_NEWSPAPER_QUOTES", ROOT / "bench" / ".data" / "newspaper-quotes"))


def newspaper_gold(row: Row) -> str:
    """The hand-corrected text newspaper's tests hold beside a page: tests/data/text/X.txt
    for tests/data/html/X.html."""
    stem = row["source"].removeprefix("tests/data/html/").removesuffix(".html")
    return f"tests/data/text/{stem}.txt"


NEWSPAPER = NewsQuoteSet(
    dataset="newspaper",
    source="newspaper",
    salt="reader-newspaper-quotes-v1",
    story_of=story_only(gold_lines),
    per_batch=60,
    batches={1: (LABELS, OUT)},
    prefix="newspaper-",
    manifest=SPLIT,
    gold_of=newspaper_gold,
    sources=SOURCES,
)

if __name__ == "__main__":
    raise SystemExit(
        NEWSPAPER.main("python -m bench.convert_newspaper_quotes", __doc__.splitlines()[0])
    )
