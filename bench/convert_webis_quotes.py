"""Build the `webis-quotes` sets of `python -m bench.quotes` into bench/.data/webis-quotes-N.

    python -m bench.convert_webis_quotes [--mirror DIR]              # articles and their gold
    python -m bench.convert_webis_quotes --texts OUT [--batch N]     # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of outlets no set before
it was drawn from: CNN's and ABC News' articles of 19-27 September 2016 in the
BuzzFeed-Webis Fake News Corpus 2016 (Potthast et al., "A Stylometric Inquiry into
Hyperpartisan and Fake News", ACL 2018), as the repository github:
BotanB/Python_for_DS_FakeNewsDetection keeps its XML files at commit c9ed114 (the corpus's
release is CC BY 4.0; the copy states no licence, so the texts are rebuilt from it and never
committed). Each file gives the title, the author, the text and its paragraphs' offsets; the
offsets of the quotations it also marks are never read. Politico's articles are left out
(PolNeAR, studied, holds Politico's 2016 news), and so are the hyperpartisan pages.

Chosen in stop 65 (2026-12-06) before any article was read, by rules fixed first: one article
an author (a byline, as the Canadian sets), a story of 150 words or more with six double
quotation marks or more, in the order of sha256("reader-webis-quotes-v1|" + name); 30 a
batch. Helpers who never saw Reader label a batch's texts with the brief in
tests/data/quotes/BRIEF.md; the labels are committed in tests/data/quotes/webisN_labels.json
before any scorer reads the articles. The text labelled and scored is the title on its line,
then the story, one paragraph a block.
"""

from __future__ import annotations

import csv
import io
from xml.etree import ElementTree

from bench.fetch_extraction_corpus import Repository, Source
from bench.news_pages import NewsQuoteSet, Row, batch_set_name, labelled_batches

STEM = "webis"
BATCHES = labelled_batches(STEM, 2)  # batch -> (labels file, set's folder)
SOURCES = {
    "webis": Source(
        "BotanB/Python_for_DS_FakeNewsDetection", "c9ed114b984bc2ed3c55904858225323d7ac29e6"
    )
}
FOLDER = "DataSet/BuzzFeed_Corpus_2016"
OUTLETS = frozenset({"cnn", "abc"})


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: webis-quotes for the first, webis-quotes-N after."""
    return batch_set_name(STEM, number)


def _author(raw: bytes) -> str:
    found = ElementTree.fromstring(raw).findtext("author") or ""
    return " ".join(found.split()).casefold()


def webis_rows(repository: Repository | None) -> list[Row]:
    """One row an article of CNN or ABC News in the corpus's overview, its author (or, with
    none, the article itself) as its "site"."""
    if repository is None:
        raise SystemExit("error: the Webis set reads its articles from the dataset's repository")
    overview = repository.read(f"{FOLDER}/overview.csv").decode("utf-8")
    rows = []
    for record in csv.DictReader(io.StringIO(overview)):
        if record.get("portal") not in OUTLETS:
            continue
        path = f"{FOLDER}/articles/{record['XML']}"
        name = f"webis-{record['portal']}-{record['XML'].removesuffix('.xml')}"
        author = _author(repository.read(path))
        rows.append(
            {"dataset": STEM, "file": name, "site": author or name, "gold": f"webis:{path}"}
        )
    return rows


def title_and_story(raw: bytes) -> tuple[str, str]:
    """The article's title and its paragraphs, cut from its text at the offsets given."""
    root = ElementTree.fromstring(raw)
    text = root.findtext("mainText") or ""
    offsets = [
        (int(paragraph.findtext("start") or 0), int(paragraph.findtext("end") or 0))
        for paragraph in root.findall("paragraph")
    ]
    # A few files count from a character their text does not hold (an empty first
    # paragraph, the last ending past the text): every offset one too far
    shift = max(0, max((end for _, end in offsets), default=0) - len(text))
    paragraphs = []
    for start, end in offsets:
        words = " ".join(text[max(0, start - shift) : max(0, end - shift)].split())
        if words:
            paragraphs.append(words)
    return " ".join((root.findtext("title") or "").split()), "\n\n".join(paragraphs)


WEBIS_QUOTES = NewsQuoteSet(
    dataset=STEM,
    source="webis",
    salt="reader-webis-quotes-v1",
    story_of=title_and_story,
    per_batch=30,
    batches=BATCHES,
    prefix="webis-",
    sources=SOURCES,
    rows_of=webis_rows,
)

if __name__ == "__main__":
    raise SystemExit(
        WEBIS_QUOTES.main("python -m bench.convert_webis_quotes", __doc__.splitlines()[0])
    )
