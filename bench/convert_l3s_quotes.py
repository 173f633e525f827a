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
How pages are chosen: `bench.news_pages`.

A second batch, `l3s-quotes-2` (the next 70 pages down the same order, no site of the
first), was labelled the same way after the mends read off the first, to score them once
on pages of the same kind that no one had read (labels: tests/data/quotes/l3s2_labels.json).
A third, `l3s-quotes-3`, is the last 30 such pages of the dataset (stop 46; its labels:
tests/data/quotes/l3s3_labels.json).
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.fetch_extraction_corpus import gold_l3s
from bench.news_pages import NewsQuoteSet

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "quotes" / "l3s_labels.json"
OUT = Path(os.environ.get("READER_L3S_QUOTES", ROOT / "bench" / ".data" / "l3s-quotes"))
LABELS_2 = ROOT / "tests" / "data" / "quotes" / "l3s2_labels.json"
OUT_2 = Path(os.environ.get("READER_L3S_QUOTES_2", ROOT / "bench" / ".data" / "l3s-quotes-2"))
LABELS_3 = ROOT / "tests" / "data" / "quotes" / "l3s3_labels.json"
OUT_3 = Path(os.environ.get("READER_L3S_QUOTES_3", ROOT / "bench" / ".data" / "l3s-quotes-3"))
ARTICLES = 70


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


def _headline_and_story(raw: bytes) -> tuple[str, str]:
    return headline_l3s(raw), "\n\n".join(gold_l3s(raw)).strip()


L3S = NewsQuoteSet(
    dataset="l3s-gn1",
    source="l3s",
    salt="reader-l3s-quotes-v1",
    story_of=_headline_and_story,
    per_batch=ARTICLES,
    batches={1: (LABELS, OUT), 2: (LABELS_2, OUT_2), 3: (LABELS_3, OUT_3)},
    prefix="l3s-",
)


if __name__ == "__main__":
    raise SystemExit(L3S.main("python -m bench.convert_l3s_quotes", __doc__.splitlines()[0]))
