"""Build the `fixtures-quotes` set of `python -m bench.quotes` into bench/.data/fixtures-quotes.

    python -m bench.convert_fixtures_quotes                # the articles and their gold
    python -m bench.convert_fixtures_quotes --texts OUT    # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of other outlets and
years than every set before it: the English pages of goose3's content tests (goose3/goose3,
Apache-2.0; pages of 2010-2017) and of Postlight's parser's custom-extractor tests
(postlight/parser; pages its tests named before October 2019), the `openings-test` set of
`bench.fetch_news_fixtures` (which fetches them: `make news-fixtures` first). Reader's
cleaning was scored on their openings, but the quote finder never read them. The tests hold
only a story's first words, so each article is what trafilatura's default extraction takes
from the page, after the title it finds, as for `trafeval-quotes`. The pages were chosen
before any was read, as `bench.news_pages` says (salt "reader-fixtures-quotes-v1", at most
one page a site, the page's language English as `bench/news_fixtures_split.csv` guessed
it); their speakers are labelled by helpers who never saw Reader and committed as first
words and speakers (tests/data/quotes/fixtures_labels.json); the texts, their publishers'
work, are rebuilt here from the fetched pages.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from bench.convert_trafeval_quotes import extracted
from bench.fetch_extraction_corpus import Repository
from bench.fetch_news_fixtures import OUT as FIXTURES
from bench.fetch_news_fixtures import SPLIT
from bench.news_pages import NewsQuoteSet, Row

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "quotes" / "fixtures_labels.json"
OUT = Path(os.environ.get("READER_FIXTURES_QUOTES", ROOT / "bench" / ".data" / "fixtures-quotes"))
PAGES = FIXTURES / "openings-test"


def english_opening_page(row: Row) -> bool:
    """A page of goose3's or Postlight's tests whose visible text reads as English."""
    return row["set"] == "openings-test" and row["language"] == "English"


def page_file(row: Row) -> str:
    """The page's name in the fetched `openings-test` folder."""
    return row["file"]


def read_fetched_page(_repository: Repository | None, name: str) -> bytes:
    """The page as `bench.fetch_news_fixtures` saved it."""
    path = PAGES / f"{name}.html.gz"
    if not path.exists():
        raise SystemExit(f"error: {path} not found: run `make news-fixtures` first")
    return gzip.decompress(path.read_bytes())


FIXTURES_QUOTES = NewsQuoteSet(
    dataset="openings",
    source="",
    salt="reader-fixtures-quotes-v1",
    story_of=extracted,
    per_batch=80,
    batches={1: (LABELS, OUT)},
    prefix="fixtures-",
    manifest=SPLIT,
    gold_of=page_file,
    read_gold=read_fetched_page,
    keep=english_opening_page,
)

if __name__ == "__main__":
    raise SystemExit(
        FIXTURES_QUOTES.main("python -m bench.convert_fixtures_quotes", __doc__.splitlines()[0])
    )
