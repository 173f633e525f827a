"""Build the `reuters-quotes` sets of `python -m bench.quotes` into bench/.data/reuters-quotes-N.

    python -m bench.convert_reuters_quotes [--mirror DIR]              # articles and gold
    python -m bench.convert_reuters_quotes --texts OUT [--batch N]     # bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of an outlet and years no
set before it was drawn from: Reuters wire stories of 1996-1997 (corporate, economic and
political news), as the Reuter_50_50 dataset (C50: fifty writers, a hundred stories each,
from Reuters Corpus Volume 1) keeps them, one paragraph a line and no headline, in
github: zpantovic/Reuter_50_50. The repository states no licence, so the texts are rebuilt
here from it at its pinned commit and never committed.

Chosen in stop 65 (2026-12-06) before any article was read, by rules fixed first: one story
a writer (so that a batch reads fifty writers' styles), a story of 150 words or more with six
double quotation marks or more, in the order of sha256("reader-reuters-quotes-v1|" + name);
25 a batch. Helpers who never saw Reader label a batch's texts with the brief in
tests/data/quotes/BRIEF.md (the stories have no headline: every passage is labelled); the
labels are committed in tests/data/quotes/reutersN_labels.json before any scorer reads the
articles. The text labelled and scored is the story alone, one paragraph a block.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from bench.fetch_extraction_corpus import Repository, Source, files_under
from bench.news_pages import NewsQuoteSet, Row, batch_set_name, labelled_batches, story_only

STEM = "reuters"
BATCHES = labelled_batches(STEM, 2)  # batch -> (labels file, set's folder)
SOURCES = {"reuters": Source("zpantovic/Reuter_50_50", "cc6261d5b915f0d1b3f0979519c33d16e2012a18")}


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: reuters-quotes, then reuters-quotes-N."""
    return batch_set_name(STEM, number)


def reuters_rows(repository: Repository | None) -> list[Row]:
    """One row a story (data/C50{train,test}/WRITER/ID.txt), its writer as its "site"."""
    if repository is None:
        raise SystemExit("error: the Reuters set reads its stories from the dataset's repository")
    rows = []
    for path in files_under(repository, "data"):
        posix = PurePosixPath(path)
        if posix.suffix != ".txt" or not posix.parent.parent.name.startswith("C50"):
            continue
        writer = posix.parent.name
        name = f"reuters-{writer.casefold()}-{posix.stem.removesuffix('newsML')}"
        rows.append({"dataset": STEM, "file": name, "site": writer, "gold": f"reuters:{path}"})
    return rows


def paragraphs_of(raw: bytes) -> list[str]:
    """A story's paragraphs: its non-empty lines."""
    text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n")
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


REUTERS_QUOTES = NewsQuoteSet(
    dataset=STEM,
    source="reuters",
    salt="reader-reuters-quotes-v1",
    story_of=story_only(paragraphs_of),
    per_batch=25,
    batches=BATCHES,
    prefix="reuters-",
    sources=SOURCES,
    rows_of=reuters_rows,
)

if __name__ == "__main__":
    raise SystemExit(
        REUTERS_QUOTES.main("python -m bench.convert_reuters_quotes", __doc__.splitlines()[0])
    )
