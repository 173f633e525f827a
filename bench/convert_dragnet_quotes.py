"""Build the `dragnet-quotes` set of `python -m bench.quotes` into bench/.data/dragnet-quotes.

    python -m bench.convert_dragnet_quotes [--mirror DIR]   # the articles and their gold
    python -m bench.convert_dragnet_quotes --texts OUT      # the bare texts, to label

A blind set of real news and blog posts of 2012 for quote and speaker finding (issue 17),
of other outlets and another year than the `zyte`, `fundus-quotes` and `l3s-quotes` sets:
the Dragnet data (Peters and Lecocq, "Content extraction using diverse feature sets", WWW
2013; github: seomoz/dragnet_data, AGPL-3.0), the story text its annotators corrected, the
comments after it left out. The pages were chosen before any was read, as `bench.news_pages`
says (salt "reader-dragnet-quotes-v1", at most one page a site, all 71 that qualify); their
speakers were labelled by helpers who never saw Reader (stop 46; first and only blind score
in tests/data/quotes/SOURCES.md) and committed as first words and speakers
(tests/data/quotes/dragnet_labels.json); the texts are rebuilt here from the dataset.
The dataset marks no headline: the text is the story alone.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.fetch_extraction_corpus import gold_dragnet
from bench.news_pages import NewsQuoteSet, story_only

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "quotes" / "dragnet_labels.json"
OUT = Path(os.environ.get("READER_DRAGNET_QUOTES", ROOT / "bench" / ".data" / "dragnet-quotes"))


DRAGNET = NewsQuoteSet(
    dataset="dragnet",
    source="dragnet-gold",
    salt="reader-dragnet-quotes-v1",
    story_of=story_only(gold_dragnet),
    per_batch=80,
    batches={1: (LABELS, OUT)},
    prefix="dragnet-",
)

if __name__ == "__main__":
    raise SystemExit(
        DRAGNET.main("python -m bench.convert_dragnet_quotes", __doc__.splitlines()[0])
    )
