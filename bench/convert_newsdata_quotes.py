"""Build the `newsdata-quotes` set of `python -m bench.quotes` into bench/.data/newsdata-quotes.

    python -m bench.convert_newsdata_quotes [--mirror DIR]    # the articles and their gold
    python -m bench.convert_newsdata_quotes --texts OUT       # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of outlets no set before it
was drawn from: 20 US English news stories of March 2023, three at most from each of fourteen
outlets (HuffPost, Cointelegraph, WFAA, Mark Meets, CBS News, the Chicago Tribune, the Las
Vegas Review-Journal, the New York Post, The Hollywood Reporter, CleanTechnica, BuzzFeed News,
Futurism, Teslarati, Invest Records). The helper looked first for English news of East and
Southeast Asia, Ireland and Australia with full texts in a public repository and found only
headlines, teasers or one outlet's pages, so took this source of other outlets. The stories
are read from one public repository at a pinned commit: github:jennhu/metalinguistic-prompting
at 89d1b52 (2023-10-23; the data of Hu & Levy, "Prompting is not a substitute for
probability measurements in large language models", EMNLP 2023), its file
datasets/exp1/news/cleaned.csv (columns download_date, published_date_gmt, title, url,
category, raw_text; 230 rows): stories NewsData.io listed for the United States in English,
mostly of 22-26 March 2023, scraped by the authors with newspaper3k (its `article.text`, lines
"Advertisement" removed). The repository states no licence (no licence file, none in its
README), and the texts are their publishers' work: they are rebuilt here from the pinned commit
and never committed.

Chosen in stop 79 (2026-12-07) by a blind helper, by a rule fixed before any story was read
(counts only): the rows, read with `csv.DictReader` (UTF-8) in the file's order, a row's url
and headline its "url" and "title" stripped. A row whose url or headline an earlier row had
(whether or not that row was kept) is dropped: 8. A row's outlet is its url's host, lower
case, a leading "www.", then "rssfeeds.", then "m." dropped where present; a row of an
excluded outlet is dropped: 15 (news.google.com, whose url names no outlet; the outlets of the
earlier sets or left to other helpers: a host holding "aljazeera", "reuters", "abcnews" or
"citynews", or "bbc." or "cnn." at its start or after a dot, or opening with "6abc." or "abc"
and a figure, or ending in ".ca" or in the country domain of Ghana, the Philippines, Pakistan,
Bangladesh, India, Nigeria, Kenya, South Africa or a Pacific island: .gh .ph .pk .bd .in .ng
.ke .za .fj .pg .ws .to .sb .vu; of the file's 52 outlets, five are excluded: 6abc.com,
abc13.com, abc7news.com, news.google.com and vancouver.citynews.ca). A row is kept if its story
(its "raw_text" as stored) has 150 to 1,500 words (whitespace-split) and four double quotation
marks or more (" “ ” counted together): 122 of the 230 (42 dropped for their length, 43 for
their marks). The kept go in the order of sha256("stop79-asiaeurope:" + url) (hex,
ascending), and are taken down that order until 20 are taken, skipping one whose outlet already
has three. Each is named by its outlet's first label, the first four characters of its
"published_date_gmt" (the year, 2023) and the first five words of its "title" (lower case,
whitespace-split, each word reduced to its characters a-z and 0-9, words left empty skipped),
joined by hyphens (huffpost-2023-rep-jim-jordans-judiciary-tweet); a name taken before gets
"-2", "-3" ... (none of the 20 does). The same helper labelled them (quote_start_words,
speaker, debatable, as tests/data/quotes/BRIEF.md asks); the labels are committed in
tests/data/quotes/newsdata1_labels.json, the texts never.

The text labelled and scored is the headline (the "title", stripped) on its line, then the
story's lines (`str.splitlines` of the "raw_text"), each stripped, the empty ones dropped, one
a line: one newline between paragraphs, no blank line (newspaper3k kept each paragraph on its
own line with a blank line between, in 208 of the 230 stories and all of the 20; the helper
built the texts so, and the labels are of these bytes). Nothing else is changed (quotation marks, bylines and captions kept as scraped).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path
from urllib.parse import urlparse

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

STEM = "newsdata"
BATCHES = labelled_batches(STEM, 1)  # batch -> (labels file, set's folder)
SOURCES = {
    "newsdata": Source(
        "jennhu/metalinguistic-prompting", "89d1b526d0ef0b955b886a9cee50883eeaee8e76"
    ),
}
FILE = "datasets/exp1/news/cleaned.csv"
SALT = "stop79-asiaeurope:"
ARTICLES = 20
PER_OUTLET = 3
MIN_WORDS, MAX_WORDS = 150, 1_500
MIN_MARKS = 4
NAME_WORDS = 5  # the headline's words in a name
HOST_PREFIXES = ("www.", "rssfeeds.", "m.")  # each dropped in turn where the host opens with it
EXCLUDED_HOSTS = frozenset({"news.google.com"})  # (its urls name no outlet)
# the outlets of the earlier sets or left to other helpers: Al Jazeera, the BBC, Reuters, CNN,
# ABC News and its stations, Canadian outlets, and those of Ghana, the Philippines, Pakistan,
# Bangladesh, India, Africa and the Pacific islands
_EXCLUDED = re.compile(
    r"aljazeera|(^|\.)bbc\.|reuters|(^|\.)cnn\.|abcnews|^6abc\.|^abc\d|\.ca$|citynews"
    r"|\.(gh|ph|pk|bd|in|ng|ke|za|fj|pg|ws|to|sb|vu)$"
)
_NOT_WORD = re.compile(r"[^a-z0-9]")


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: newsdata-quotes (there is one batch)."""
    return batch_set_name(STEM, number)


def _rows(repository: Repository) -> list[dict[str, str | None]]:
    """The file's rows, by column. A short row's missing columns are None."""
    text = repository.read(FILE).decode("utf-8")
    csv.field_size_limit(10**9)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def outlet_of(url: str) -> str:
    """A url's host, lower case, a leading "www.", then "rssfeeds.", then "m." dropped."""
    host = urlparse(url).netloc.lower()
    for prefix in HOST_PREFIXES:
        host = host.removeprefix(prefix)
    return host


def excluded(outlet: str) -> bool:
    """Whether an outlet (`outlet_of`) is one the rule leaves out."""
    return outlet in EXCLUDED_HOSTS or _EXCLUDED.search(outlet) is not None


def name_of(outlet: str, published: str, title: str, used: set[str]) -> str:
    """An article's name: its outlet's first label, the year (the first four characters of
    `published`) and the first five words of its headline reduced to a-z and 0-9, joined by
    hyphens, "-2", "-3" ... after a name in `used`; the name is added to `used`."""
    words = [word for word in (_NOT_WORD.sub("", w) for w in title.lower().split()) if word]
    base = "-".join([outlet.split(".")[0], published[:4], *words[:NAME_WORDS]])
    name, number = base, 2
    while name in used:
        name, number = f"{base}-{number}", number + 1
    used.add(name)
    return name


def text_of(title: str, story: str) -> str:
    """The article as labelled: the headline on its line, then each non-empty line of the
    story, stripped, on a line of its own (no blank line)."""
    lines = (line.strip() for line in story.splitlines())
    return title.strip() + "\n" + "\n".join(line for line in lines if line) + "\n"


def chosen(repository: Repository) -> list[Page]:
    """The set's 20 articles, (name, text), by the rule of the module's docstring."""
    seen_urls: set[str] = set()
    seen_titles: set[str] = set()
    kept = []  # (the url's sha256, url, outlet, row)
    for row in _rows(repository):
        url, title = (row.get("url") or "").strip(), (row.get("title") or "").strip()
        first = url not in seen_urls and title not in seen_titles
        seen_urls.add(url)
        seen_titles.add(title)
        outlet = outlet_of(url)
        if not first or excluded(outlet):
            continue
        story = row.get("raw_text") or ""
        if MIN_WORDS <= len(story.split()) <= MAX_WORDS and double_marks(story) >= MIN_MARKS:
            digest = hashlib.sha256(f"{SALT}{url}".encode()).hexdigest()
            kept.append((digest, url, outlet, row))
    kept.sort(key=lambda candidate: candidate[0])
    taken: list[Page] = []
    per_outlet: dict[str, int] = {}
    used: set[str] = set()
    for _, _, outlet, row in kept:
        if per_outlet.get(outlet, 0) >= PER_OUTLET:
            continue
        per_outlet[outlet] = per_outlet.get(outlet, 0) + 1
        title = row.get("title") or ""
        name = name_of(outlet, row.get("published_date_gmt") or "", title, used)
        taken.append((name, text_of(title, row.get("raw_text") or "")))
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
        "convert_newsdata_quotes",
        STEM,
        __doc__.splitlines()[0],
        BATCHES,
        chosen_from,
    )


if __name__ == "__main__":
    raise SystemExit(main())
