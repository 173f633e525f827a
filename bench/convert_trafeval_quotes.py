"""Build the `trafeval-quotes` set of `python -m bench.quotes` into bench/.data/trafeval-quotes.

    python -m bench.convert_trafeval_quotes [--mirror DIR]   # the articles and their gold
    python -m bench.convert_trafeval_quotes --texts OUT      # the bare texts, to label

A blind set of real news and blog posts for quote and speaker finding (issue 17), of other
outlets and years than every set before it: the English pages of trafilatura's own
evaluation (github: adbar/trafilatura, pinned in `bench.fetch_trafilatura_eval`; pages of
2015-2024, the `trafilatura-eval` sets of `bench.extraction`), both halves. Reader's cleaning
was scored on these pages, but the quote finder never read them. The evaluation holds no
hand-made body, only snippets, so each article is what trafilatura's default extraction
(2.x, no comments, no tables) takes from the page, after the title it finds: what a user
who adds the page gets before Reader's own pass. The pages were chosen before any was read,
as `bench.news_pages` says (salt "reader-trafeval-quotes-v1", at most one page a site, the
page's language English as `bench/trafilatura_eval_split.csv` guessed it); their speakers
were labelled by helpers who never saw Reader (stop 50; first and only blind score in
tests/data/quotes/SOURCES.md) and committed as first words and speakers
(tests/data/quotes/trafeval_labels.json); the texts, their publishers' work, are rebuilt
here from trafilatura's repository.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from bench.fetch_extraction_corpus import Repository
from bench.fetch_trafilatura_eval import SOURCE, SPLIT, read_page
from bench.news_pages import NewsQuoteSet, Row

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "quotes" / "trafeval_labels.json"
OUT = Path(os.environ.get("READER_TRAFEVAL_QUOTES", ROOT / "bench" / ".data" / "trafeval-quotes"))


def english(row: Row) -> bool:
    """A page of the evaluation whose visible text reads as English."""
    return row["language"] == "English"


def page_file(row: Row) -> str:
    """The page's file name in the evaluation (in tests/cache or tests/eval)."""
    return row["source"]


def read_evaluation_page(repository: Repository | None, filename: str) -> bytes:
    """The page's bytes, unpacked when the evaluation keeps it compressed."""
    assert repository is not None  # the set reads trafilatura's repository
    raw = read_page(repository, filename)
    return gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw


def extracted(raw: bytes) -> tuple[str, str]:
    """(title, story) as trafilatura's default extraction reads the page, "" where it finds
    none."""
    import trafilatura

    document = trafilatura.bare_extraction(
        raw, include_comments=False, include_tables=False, with_metadata=True
    )
    if document is None or isinstance(document, dict):
        return "", ""
    title = " ".join((document.title or "").split())
    return title, (document.text or "").strip()


TRAFEVAL = NewsQuoteSet(
    dataset="trafilatura-eval",
    source="trafilatura",
    salt="reader-trafeval-quotes-v1",
    story_of=extracted,
    per_batch=60,
    batches={1: (LABELS, OUT)},
    prefix="trafeval-",
    manifest=SPLIT,
    gold_of=page_file,
    sources={"trafilatura": SOURCE},
    read_gold=read_evaluation_page,
    keep=english,
)

if __name__ == "__main__":
    raise SystemExit(
        TRAFEVAL.main("python -m bench.convert_trafeval_quotes", __doc__.splitlines()[0])
    )
