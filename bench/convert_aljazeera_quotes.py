"""Build the `aljazeera-quotes` set of `python -m bench.quotes` into bench/.data/aljazeera-quotes.

    python -m bench.convert_aljazeera_quotes [--mirror DIR]    # the articles and their gold
    python -m bench.convert_aljazeera_quotes --texts OUT       # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of an outlet no set before
it was drawn from: 20 Al Jazeera English stories of April and May 2025 (news, features,
economy, sports, science and technology, opinion), all of the one outlet. The helper meant to
draw from several Middle Eastern outlets, four at most an outlet, but found no public source
of their full texts (only headlines and feed excerpts, or an old dump with its texts
doubled), so the cap was lifted, before any text was read, for this source of one outlet.
They are read from one public repository at a pinned commit: github:
basharulalammazu/Aljazeera-News-Analysis at 3c39b59 (2025-05-30; an R project that scraped
aljazeera.com's category pages in May 2025 and studies the stories' topics; the repository
states no licence, and the texts are Al Jazeera's), its file initial_content.csv (columns
category, title, date, author, content, url; 97 rows). Its clean_corpus.csv (the same
stories lower-cased and stripped of punctuation) is not read.

The texts are rebuilt here from that commit and never committed.

Chosen in stop 78 (2026-12-07) by a helper who never saw Reader, by a rule fixed before any
article was read: the rows of initial_content.csv, read with `csv.DictReader` (UTF-8) in the
file's order, are the candidates, a row's id its "url" as stored (not stripped); a url met
before is dropped (its first row is the candidate). A candidate is kept if its story (its
"content") has 150 to 1,500 words (whitespace-split) and four double quotation marks or more
(" “ ” together): of the 97 rows (90 urls), 65 are kept. The kept go in the order of
sha256("stop78-mideast:" + url) (hex, ascending), and the first 20 are taken. Each is named
"aljazeera-2025-" and the first five words of the url's last path segment (a slash at the
url's end dropped first; lower case, cut at each run of characters other than a-z and 0-9,
empty pieces dropped): "aljazeera-2025-pope-leo-says-ai-is"; a name taken before gets "-2",
"-3" ... (none of the 20 does). The same helper labelled them with the brief in
tests/data/quotes/BRIEF.md; the labels are committed in tests/data/quotes/aljazeera1_labels.json,
the texts never.

The text labelled and scored is the headline (the "title", HTML entities decoded, stripped) on
its line, then the story's lines (`str.splitlines`), each with its HTML entities decoded and
stripped, the empty ones dropped, one a line: one newline between lines, no blank line (the
helper built the texts so, and the labels are of these bytes). The scraper joined each
story's paragraphs with spaces, so each of the 20 is one block after its headline: no breaks
are invented, and nothing else is changed (none of the 20 holds an entity; quotation marks,
spacing, captions and typos kept as scraped).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
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

STEM = "aljazeera"
BATCHES = labelled_batches(STEM, 1)  # batch -> (labels file, set's folder)
SOURCES = {
    "aljazeera": Source(
        "basharulalammazu/Aljazeera-News-Analysis", "3c39b59cbe062550b3f21a373a5d5c96a5d117de"
    ),
}
FILE = "initial_content.csv"  # (clean_corpus.csv, the stories lower-cased, is not read)
SALT = "stop78-mideast:"
ARTICLES = 20
MIN_WORDS, MAX_WORDS = 150, 1_500
MIN_MARKS = 4
PREFIX = "aljazeera-2025-"  # every chosen story is of 2025
NAME_WORDS = 5  # the url's last segment's words in a name
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: aljazeera-quotes (there is one batch)."""
    return batch_set_name(STEM, number)


def _rows(repository: Repository) -> list[dict[str, str | None]]:
    """The file's rows, by column (a byte-order mark before the header dropped; the pinned
    file has none). A short row's missing columns are None."""
    text = repository.read(FILE).decode("utf-8-sig")
    csv.field_size_limit(10**9)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def name_of(url: str, used: set[str]) -> str:
    """An article's name: aljazeera-2025- and the first five words of the url's last path
    segment, "-2", "-3" ... after a name in `used`; the name is added to `used`."""
    segment = url.rstrip("/").split("/")[-1].lower()
    words = [word for word in _NOT_SLUG.split(segment) if word][:NAME_WORDS]
    name = base = PREFIX + "-".join(words)
    number = 2
    while name in used:
        name = f"{base}-{number}"
        number += 1
    used.add(name)
    return name


def text_of(title: str, story: str) -> str:
    """The article as labelled: the headline on its line, then each non-empty line of the
    story, HTML entities decoded and stripped, on a line of its own (no blank line)."""
    lines = [html.unescape(line).strip() for line in story.splitlines()]
    return html.unescape(title).strip() + "\n" + "\n".join(line for line in lines if line) + "\n"


def chosen(repository: Repository) -> list[Page]:
    """The set's 20 articles, (name, text), by the rule of the module's docstring."""
    seen: set[str] = set()
    kept = []  # (the url's sha256, title, story)
    for row in _rows(repository):
        url = row.get("url") or ""
        if url in seen:
            continue
        seen.add(url)
        story = row.get("content") or ""
        if MIN_WORDS <= len(story.split()) <= MAX_WORDS and double_marks(story) >= MIN_MARKS:
            digest = hashlib.sha256(f"{SALT}{url}".encode()).hexdigest()
            kept.append((digest, url, row.get("title") or "", story))
    kept.sort(key=lambda candidate: candidate[0])
    used: set[str] = set()
    return [(name_of(url, used), text_of(title, story)) for _, url, title, story in kept[:ARTICLES]]


def chosen_from(mirror: Path | None) -> list[Page]:
    """The set's 20 articles, (name, text), read from the pinned commit ."""
    return pinned_chosen(chosen, SOURCES, mirror, CACHE)


def main(argv: list[str] | None = None) -> int:
    """`--texts OUT` writes the bare texts to label; without it, the labelled articles and
    their gold go to the set's folder (`bench.news_pages.pinned_set_main`)."""
    return pinned_set_main(
        argv,
        "convert_aljazeera_quotes",
        STEM,
        __doc__.splitlines()[0],
        BATCHES,
        chosen_from,
    )


if __name__ == "__main__":
    raise SystemExit(main())
