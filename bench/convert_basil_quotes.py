"""Build the `basil-quotes` sets of `python -m bench.quotes` into bench/.data/basil-quotes-N.

    python -m bench.convert_basil_quotes [--mirror DIR]              # articles and their gold
    python -m bench.convert_basil_quotes --texts OUT [--batch N]     # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of outlets and years no
set before it was drawn from: the 300 articles of BASIL (Fan et al., "In Plain Sight: Media
Bias Through the Lens of Factual Reporting", EMNLP 2019; github: launchnlp/BASIL), 100
events of 2010-2019 each reported by the New York Times, Fox News and the Huffington Post,
kept as JSON with their title and their paragraphs (each a list of sentences). The
repository states no licence, so the texts are rebuilt here from it at its pinned commit and
never committed. Its bias annotations (`annotations/`) are never read.

Chosen in stop 65 (2026-12-06) before any article was read, by rules fixed first: one
article an event (the three outlets' reports of one event share its quotations), a story of
150 words or more with six double quotation marks or more, in the order of
sha256("reader-basil-quotes-v1|" + name); 30 a batch. Helpers who never saw Reader label a
batch's texts with the brief in tests/data/quotes/BRIEF.md; the labels are committed in
tests/data/quotes/basilN_labels.json before any scorer reads the articles. The text labelled
and scored is the title on its line, then the story, one paragraph a block: a `.txt` file as
a user would add it.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from bench.fetch_extraction_corpus import Repository, Source, files_under
from bench.news_pages import NewsQuoteSet, Row, batch_set_name, labelled_batches

STEM = "basil"
BATCHES = labelled_batches(STEM, 3)  # batch -> (labels file, set's folder)
SOURCES = {"basil": Source("launchnlp/BASIL", "4fdbc4f68d5ddae648990063cb6dd11424d96222")}


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: basil-quotes for the first, basil-quotes-N after."""
    return batch_set_name(STEM, number)


def basil_rows(repository: Repository | None) -> list[Row]:
    """One row an article (articles/YEAR/EVENT_N.json), its event as its "site": one a batch."""
    if repository is None:
        raise SystemExit("error: the BASIL set reads its articles from the dataset's repository")
    rows = []
    for path in files_under(repository, "articles"):
        posix = PurePosixPath(path)
        if posix.suffix != ".json":
            continue
        event = posix.stem.rsplit("_", 1)[0]
        name = f"basil-{posix.parent.name}-{posix.stem}"
        rows.append({"dataset": STEM, "file": name, "site": event, "gold": f"basil:{path}"})
    return rows


def title_and_story(raw: bytes) -> tuple[str, str]:
    """The article's title and its paragraphs, each paragraph's sentences joined by a space."""
    article = json.loads(raw.decode("utf-8"))
    paragraphs = [
        " ".join(sentence.strip() for sentence in paragraph if sentence.strip())
        for paragraph in article.get("body-paragraphs", [])
    ]
    title = " ".join(str(article.get("title", "")).split())
    return title, "\n\n".join(p for p in paragraphs if p)


BASIL_QUOTES = NewsQuoteSet(
    dataset=STEM,
    source="basil",
    salt="reader-basil-quotes-v1",
    story_of=title_and_story,
    per_batch=30,
    batches=BATCHES,
    prefix="basil-",
    sources=SOURCES,
    rows_of=basil_rows,
)

if __name__ == "__main__":
    raise SystemExit(
        BASIL_QUOTES.main("python -m bench.convert_basil_quotes", __doc__.splitlines()[0])
    )
