"""Build the `omnivore-quotes` set of `python -m bench.quotes` into bench/.data/omnivore-quotes.

    python -m bench.convert_omnivore_quotes                # the articles and their gold
    python -m bench.convert_omnivore_quotes --texts OUT    # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of other outlets and
years than every set before it: the English pages of Omnivore's fork of Readability.js
(news, magazines, newsletters and blogs of 2021-2024, saved by a read-it-later app's
users; `bench.fetch_omnivore` fetches them: `make omnivore` first). Reader's cleaning was
scored on these pages (`omnivore-dev`, `omnivore-test`), but the quote finder never read
them. Each article is the body the fork's developers accepted (its `expected.html` as
text, one paragraph a block), with no headline. The pages were chosen before any was read,
as `bench.news_pages` says (salt "reader-omnivore-quotes-v1", at most one page a site, the
page's language English as `bench/omnivore_split.csv` guessed it); their speakers are
labelled by helpers who never saw Reader and committed as first words and speakers
(tests/data/quotes/omnivore_labels.json); the texts, their publishers' work, are rebuilt
here from the fetched pages.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.fetch_extraction_corpus import Repository
from bench.fetch_omnivore import OUT as OMNIVORE
from bench.fetch_omnivore import SPLIT
from bench.news_pages import NewsQuoteSet, Row, story_only

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "quotes" / "omnivore_labels.json"
OUT = Path(os.environ.get("READER_OMNIVORE_QUOTES", ROOT / "bench" / ".data" / "omnivore-quotes"))


def english_page(row: Row) -> bool:
    """A page of Omnivore's tests whose text reads as English."""
    return row["language"] == "English"


def gold_file(row: Row) -> str:
    """Where `bench.fetch_omnivore` saved the page's accepted body, as text."""
    return f"{row['set']}/{row['file']}.txt"


def read_fetched_body(_repository: Repository | None, path: str) -> bytes:
    """The page's body as `bench.fetch_omnivore` saved it."""
    body = OMNIVORE / path
    if not body.exists():
        raise SystemExit(f"error: {body} not found: run `make omnivore` first")
    return body.read_bytes()


def paragraphs(raw: bytes) -> list[str]:
    """The body's paragraphs (blank lines between them)."""
    return [p.strip() for p in raw.decode("utf-8").split("\n\n") if p.strip()]


OMNIVORE_QUOTES = NewsQuoteSet(
    dataset="omnivore",
    source="",
    salt="reader-omnivore-quotes-v1",
    story_of=story_only(paragraphs),
    per_batch=80,
    batches={1: (LABELS, OUT)},
    prefix="omnivore-",
    manifest=SPLIT,
    gold_of=gold_file,
    read_gold=read_fetched_body,
    keep=english_page,
)

if __name__ == "__main__":
    raise SystemExit(
        OMNIVORE_QUOTES.main("python -m bench.convert_omnivore_quotes", __doc__.splitlines()[0])
    )
