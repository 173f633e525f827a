"""Build the `recovery-quotes` set of `python -m bench.quotes` into bench/.data/recovery-quotes.

    python -m bench.convert_recovery_quotes [--mirror DIR]    # the articles and their gold
    python -m bench.convert_recovery_quotes --texts OUT       # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17): 20 US news stories of 2020
on COVID-19, three at most from each outlet, from nine outlets in the end: the Chicago
Sun-Times, CBS News, Business Insider, The Verge, NPR, The Detroit News, The Mercury News,
CNBC and the Los Angeles Daily News. The helper was asked for English news of an African
country other than Ghana, found no public source of several African outlets' full texts, and
took, as the brief allowed, another English source. The stories are read from github:
apurvamulay/ReCOVery (Zhou, Mulay, Ferrara & Zafarani, "ReCOVery: A Multimodal Repository
for COVID-19 News Credibility Research", CIKM 2020) at 0faae02 (2021-09-25, "Removed
newsguard column"), the last commit whose tree holds the per-outlet files of
dataset/reliable/ (its HEAD keeps only the combined dataset/recovery-news-data.csv): every
`dataset/reliable/*.csv` of that commit (22 files, one an outlet, 1,364 rows; columns: an
unnamed index, news_id, url, publisher, publish_date, author, title, image, body_text,
mbfc_level, political_bias, country, reliability). The dataset/unreliable/ files are not
read. The repository's License.md is Creative Commons Attribution-NonCommercial-ShareAlike
4.0 International; the stories remain their publishers' work: they are rebuilt here from
that commit and never committed.

Chosen in stop 79 (2026-12-07) by a helper who never saw Reader, by a rule fixed before any
story was read (counts only). The outlet is a row's `publisher` as stored; allowed are 16
(`OUTLETS`): Reuters and ABC News are left out, and The New York Times, The Washington Post,
Politico and USA Today, from which PolNeAR is drawn. The files are read in sorted path order
(macOS "._" files, none at that commit, skipped), each with `csv.DictReader` (UTF-8), its
rows in order; every row, of any outlet, marks its url (stripped) and its title (each run of
whitespace one space, stripped) as seen, and a row whose url or title was seen before is
dropped (only the first occurrence is a candidate). A candidate of an allowed outlet with a
url and a title (994) is kept if its body, as built below, has 150 to 1,500 words
(whitespace-split) and four double quotation marks or more (“ ” " counted together): 716
are kept. The kept go in the order of sha256("stop79-africa:" + url) (hex, ascending; no
"|" between), and are taken down that order until 20 are taken, skipping one whose outlet
already has three. Each is named by its outlet's short name (`OUTLETS`), the first four
characters of its publish_date ("nd" where it is empty) and at most five words of its
headline (lower case, whitespace-split, each word cut to its characters a-z and 0-9, empty
words dropped), joined by hyphens (suntimes-2020-chicago-sports-teams-mayor-lori); "-2",
"-3" ... after a name taken before (none of the 20 is). The same helper labelled them
(quote_start_words, speaker, debatable, as tests/data/quotes/BRIEF.md asks); the labels are
committed in tests/data/quotes/recovery1_labels.json, the texts never. One of the 20,
ladailynews-2020-families-line-up-for-hot, has a quotation opened by a closing mark
("” We are very grateful ..."): its label matches no quotation found, and it is left out
of the set (19 articles).

The text labelled and scored is the headline (the title, each run of whitespace one space,
stripped) on its line, then the body, one paragraph a line (no blank line between them, as
the helper wrote them), and a newline at the end. The body is the `body_text` with its
carriage returns dropped, cut at every run of one or more newlines (the data parts
paragraphs mostly with a blank line, sometimes with one newline); in each piece, each run of
spaces, tabs, form feeds, vertical tabs and non-breaking spaces is one space, and the piece
is stripped; empty pieces dropped. Nothing else is changed (no entity decoded, no line
dropped: quotation marks, captions and repeated headlines kept as stored).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import subprocess
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

STEM = "recovery"
BATCHES = labelled_batches(STEM, 1)  # batch -> (labels file, set's folder)
SOURCES = {
    "recovery": Source("apurvamulay/ReCOVery", "0faae02ac15efecb3db86d970cbc67a8ccb7bda2"),
}
FOLDER = "dataset/reliable"
# The outlets allowed (a row's `publisher`, as stored) and their short names in the names
OUTLETS = {
    "Slate": "slate",
    "The Atlantic": "atlantic",
    "Business Insider": "businessinsider",
    "CBS News": "cbsnews",
    "Chicago Sun-Times": "suntimes",
    "CNBC": "cnbc",
    "The Detroit News": "detroitnews",
    "FiveThirtyEight": "fivethirtyeight",
    "Los Angeles Daily News": "ladailynews",
    "The Mercury News": "mercurynews",
    "The New Yorker": "newyorker",
    "National Public Radio (NPR)": "npr",
    "PBS NewsHour": "pbs",
    "The Verge": "verge",
    "Washington Monthly": "washingtonmonthly",
    "Yahoo! News": "yahoonews",
}
SALT = "stop79-africa:"
ARTICLES = 20
PER_OUTLET = 3
MIN_WORDS, MAX_WORDS = 150, 1_500
MIN_MARKS = 4
NAME_WORDS = 5
_BREAKS = re.compile(r"\n+")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_WHITESPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^0-9a-z]")

Row = dict[str, str]


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: recovery-quotes (there is one batch)."""
    return batch_set_name(STEM, number)


def csv_paths(repository: Repository) -> list[str]:
    """The CSV files of `FOLDER` at the pinned commit, macOS "._" files skipped, sorted."""
    listing = subprocess.run(
        [
            "git",
            f"--git-dir={repository.git_dir}",
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            repository.source.commit,
            "--",
            FOLDER,
        ],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return sorted(
        path for path in listing.split("\0") if path.endswith(".csv") and "/._" not in path
    )


def _rows(repository: Repository, path: str) -> list[Row]:
    """A file's rows, by column (a short row's missing columns are None)."""
    csv.field_size_limit(10**9)
    text = repository.read(path).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def headline_of(title: str) -> str:
    """A story's title made a line: each run of whitespace one space, stripped."""
    return _WHITESPACE.sub(" ", title).strip()


def paragraphs_of(body: str) -> list[str]:
    """The paragraphs of a story's `body_text`, by the rule of the module's docstring."""
    pieces = (_SPACES.sub(" ", piece).strip() for piece in _BREAKS.split(body.replace("\r", "")))
    return [piece for piece in pieces if piece]


def text_of(headline: str, paragraphs: list[str]) -> str:
    """The article as labelled: the headline on its line, then one paragraph a line."""
    return headline + "\n" + "\n".join(paragraphs) + "\n"


def name_of(publisher: str, date: str, headline: str, used: set[str]) -> str:
    """An article's name (outlet-year-headline-words, see the docstring), one not in `used`,
    which it joins."""
    words = [_NOT_WORD.sub("", word) for word in headline.lower().split()]
    base = "-".join([OUTLETS[publisher], date[:4] or "nd", *[w for w in words if w][:NAME_WORDS]])
    name, number = base, 2
    while name in used:
        name, number = f"{base}-{number}", number + 1
    used.add(name)
    return name


def candidates(repository: Repository) -> list[Row]:
    """The first occurrence of each url and title, of an allowed outlet, with a url, a title
    and a body: its row, the url stripped and "headline" added."""
    found: list[Row] = []
    seen_urls: set[str] = set()
    seen_titles: set[str] = set()
    for path in csv_paths(repository):
        for row in _rows(repository, path):
            url = (row.get("url") or "").strip()
            headline = headline_of(row.get("title") or "")
            seen = url in seen_urls or headline in seen_titles
            seen_urls.add(url)
            seen_titles.add(headline)
            if seen or row.get("publisher") not in OUTLETS or not url or not headline:
                continue
            found.append({**row, "url": url, "headline": headline})
    return found


def chosen(repository: Repository) -> list[Page]:
    """The set's 20 articles, (name, text), by the rule of the module's docstring."""
    kept = []
    for row in candidates(repository):
        paragraphs = paragraphs_of(row.get("body_text") or "")
        body = "\n".join(paragraphs)
        if MIN_WORDS <= len(body.split()) <= MAX_WORDS and double_marks(body) >= MIN_MARKS:
            digest = hashlib.sha256((SALT + row["url"]).encode("utf-8")).hexdigest()
            kept.append((digest, row, paragraphs))
    kept.sort(key=lambda candidate: candidate[0])
    taken: list[Page] = []
    per_outlet: dict[str, int] = {}
    used: set[str] = set()
    for _, row, paragraphs in kept:
        outlet = row["publisher"]
        if per_outlet.get(outlet, 0) >= PER_OUTLET:
            continue
        per_outlet[outlet] = per_outlet.get(outlet, 0) + 1
        name = name_of(outlet, row.get("publish_date") or "", row["headline"], used)
        taken.append((name, text_of(row["headline"], paragraphs)))
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
        "convert_recovery_quotes",
        STEM,
        __doc__.splitlines()[0],
        BATCHES,
        chosen_from,
    )


if __name__ == "__main__":
    raise SystemExit(main())
