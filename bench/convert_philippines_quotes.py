"""Build the `philippines-quotes` set of `python -m bench.quotes` into bench/.data/philippines-quotes.

    python -m bench.convert_philippines_quotes [--mirror DIR]    # the articles and their gold
    python -m bench.convert_philippines_quotes --texts OUT       # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of a country and outlets no
set before it was drawn from: 20 English-language stories of May 2024 from the Philippines,
four from each of five outlets: BusinessWorld, the Philippine Daily Inquirer, Malaya Business
Insight, Rappler and The Manila Times. They are read from one public repository at a pinned
commit: github: jamesm219/ph-newspaper-scrapy at 30e7c77 (a Scrapy project and the pages its
spiders scraped on 2024-05-23; the repository states no licence, and the texts are the
outlets' work), its files bworld.csv, inquirer.csv, malaya.csv, rappler.csv and times.csv
(columns title, author, date, article, link). Its test.csv (a second scrape of the Inquirer)
is not read.

The texts are rebuilt here from that commit and never committed.

Chosen in stop 78 (2026-12-07) by a helper who never saw Reader, by a rule fixed before any
article was read: the rows of the five files, read with `csv.DictReader` (UTF-8) in that
order (FILES), each row in its file's order, are the candidates; a row's outlet is its file's
stem (bworld, inquirer, malaya, rappler, times), its id its "link" stripped of surrounding
whitespace. A row with an empty link is dropped, and a link met before is dropped (its first
row is the candidate, whether kept or not). A candidate is kept if its story (its "article",
stripped) has 150 to 1,500 words (whitespace-split) and four double quotation marks or more
(" “ ” together): of the 140 rows (140 links), 101 are kept. The kept go in the order of
sha256("stop78-asia:" + link) (hex, ascending), and are taken down that order until 20 are
taken, skipping one whose outlet already has four. Each is named by its outlet, "-2024-"
(every row of these files is of May 2024) and the first four words of its headline slugged
(lower case, each run of characters other than a-z and 0-9 one hyphen, hyphens at the ends
stripped), the whole cut to 60 characters and stripped of hyphens at its ends:
"rappler-2024-like-a-relay-luka". The same helper labelled them with the brief in
tests/data/quotes/BRIEF.md; the labels are committed in
tests/data/quotes/philippines1_labels.json, the texts never.

The text labelled and scored is the headline (the "title", stripped) on its line, then the
story's lines, each non-empty one stripped and on a line of its own, empty ones dropped: one
newline between lines, not a blank line as in the sets before it (the helper built the texts
so, and the labels are of these bytes). The files store almost every story with no line
break (the 20 chosen all so, and the Manila Times' headlines between line breaks, stripped),
so each of the 20 is one block after its headline: no breaks are invented, and nothing else
is changed (quotation marks, spacing and typos kept as scraped).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from pathlib import Path

from bench.fetch_extraction_corpus import Repository, Source
from bench.news_pages import (
    CACHE,
    Page,
    batch_set_name,
    double_marks,
    labelled_batches,
    pinned_chosen,
    pinned_set_main,
)

STEM = "philippines"
BATCHES = labelled_batches(STEM, 1)  # batch -> (labels file, set's folder)
SOURCES = {
    "philippines": Source(
        "jamesm219/ph-newspaper-scrapy", "30e7c77a82ef8fa2d74462be1eb3946cff4ec4e9"
    ),
}
# The files read, in the order the helper read them (a link's first row is its candidate);
# each file's stem is its outlet. (test.csv, a second scrape of the Inquirer, is not read.)
FILES = ("bworld", "inquirer", "malaya", "rappler", "times")
SALT = "stop78-asia:"
ARTICLES = 20
PER_OUTLET = 4
MIN_WORDS, MAX_WORDS = 150, 1_500
MIN_MARKS = 4
YEAR = "2024"  # every row of the files is of May 2024
NAME_WORDS = 4  # the headline's words in a name
NAME_LENGTH = 60
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: philippines-quotes (there is one batch)."""
    return batch_set_name(STEM, number)


def _rows(repository: Repository, outlet: str) -> list[dict[str, str | None]]:
    """An outlet's file's rows, by column (a byte-order mark before the header dropped; the
    pinned files have none). A short row's missing columns are None."""
    text = repository.read(f"{outlet}.csv").decode("utf-8-sig")
    csv.field_size_limit(10**9)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _field(row: dict[str, str | None], column: str) -> str:
    """A row's column, stripped ("" where the row has none)."""
    return (row.get(column) or "").strip()


def name_of(outlet: str, title: str) -> str:
    """An article's name: outlet-2024- and the headline's first four words slugged, the whole
    cut to 60 characters and stripped of hyphens at its ends."""
    words = " ".join(title.split()[:NAME_WORDS]).lower()
    slug = _NOT_SLUG.sub("-", words).strip("-")
    return f"{outlet}-{YEAR}-{slug}"[:NAME_LENGTH].strip("-")


def text_of(title: str, story: str) -> str:
    """The article as labelled: the headline on its line, then each non-empty line of the
    story, stripped, on a line of its own (one newline between lines, no blank line)."""
    lines = [line.strip() for line in story.split("\n") if line.strip()]
    return title + "\n" + "\n".join(lines) + "\n"


def chosen(repository: Repository) -> list[Page]:
    """The set's 20 articles, (name, text), by the rule of the module's docstring."""
    seen: set[str] = set()
    kept = []  # (the link's sha256, outlet, title, story)
    for outlet in FILES:
        for row in _rows(repository, outlet):
            link = _field(row, "link")
            if not link or link in seen:
                continue
            seen.add(link)
            story = _field(row, "article")
            if MIN_WORDS <= len(story.split()) <= MAX_WORDS and double_marks(story) >= MIN_MARKS:
                digest = hashlib.sha256(f"{SALT}{link}".encode()).hexdigest()
                kept.append((digest, outlet, _field(row, "title"), story))
    kept.sort(key=lambda candidate: candidate[0])
    taken: list[Page] = []
    per_outlet: Counter[str] = Counter()
    for _, outlet, title, story in kept:
        if per_outlet[outlet] >= PER_OUTLET:
            continue
        per_outlet[outlet] += 1
        taken.append((name_of(outlet, title), text_of(title, story)))
        if len(taken) == ARTICLES:
            break
    return taken


def chosen_from(mirror: Path | None) -> list[Page]:
    """The set's 20 articles, (name, text), read from the pinned commit ."""
    return pinned_chosen(chosen, SOURCES, mirror, CACHE)


def main(argv: list[str] | None = None) -> int:
    """`--texts OUT` writes the bare texts to label; without it, the labelled articles and
    their gold go to the set's folder (`bench.news_pages.pinned_set_main`)."""
    return pinned_set_main(
        argv,
        "convert_philippines_quotes",
        STEM,
        __doc__.splitlines()[0],
        BATCHES,
        chosen_from,
    )


if __name__ == "__main__":
    raise SystemExit(main())
