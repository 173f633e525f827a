"""Build the `chaos-quotes` set of `python -m bench.quotes` into bench/.data/chaos-quotes.

    python -m bench.convert_chaos_quotes [--mirror DIR]   # the articles and their gold
    python -m bench.convert_chaos_quotes --texts OUT      # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of other outlets and
years than the `zyte`, `fundus-quotes`, `l3s-quotes` and `dragnet-quotes` sets: the "Chaos"
pages of Utomo & Leu's extraction data (github: MSVCode/ir-research-data, no licence given:
only labels committed), news pages of 224 sites on twenty topics, the story text their
annotators cut out. The pages were chosen before any was read, as `bench.news_pages` says
(salt "reader-chaos-quotes-v1", at most one page a site, the first 60 of the 151 that
qualify); their speakers were labelled by helpers who never saw Reader (stop 47; first and
only blind score in tests/data/quotes/SOURCES.md) and committed as first words and speakers
(tests/data/quotes/chaos_labels.json); the texts are rebuilt here from the dataset. The
dataset marks no headline: the text is the story alone.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.fetch_extraction_corpus import gold_lines
from bench.news_pages import NewsQuoteSet, story_only

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "quotes" / "chaos_labels.json"
OUT = Path(os.environ.get("READER_CHAOS_QUOTES", ROOT / "bench" / ".data" / "chaos-quotes"))
LABELS_2 = ROOT / "tests" / "data" / "quotes" / "chaos2_labels.json"
OUT_2 = Path(os.environ.get("READER_CHAOS_QUOTES_2", ROOT / "bench" / ".data" / "chaos-quotes-2"))
# Batch 3: the 31 pages left of the 151 (stop 48).
LABELS_3 = ROOT / "tests" / "data" / "quotes" / "chaos3_labels.json"
OUT_3 = Path(os.environ.get("READER_CHAOS_QUOTES_3", ROOT / "bench" / ".data" / "chaos-quotes-3"))


CHAOS = NewsQuoteSet(
    dataset="utomo-chaos",
    source="msv",
    salt="reader-chaos-quotes-v1",
    story_of=story_only(gold_lines),
    per_batch=60,
    batches={1: (LABELS, OUT), 2: (LABELS_2, OUT_2), 3: (LABELS_3, OUT_3)},
    prefix="chaos-",
)

if __name__ == "__main__":
    raise SystemExit(CHAOS.main("python -m bench.convert_chaos_quotes", __doc__.splitlines()[0]))
