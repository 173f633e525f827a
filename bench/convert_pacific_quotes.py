"""Build the `pacific-quotes` set of `python -m bench.quotes` into bench/.data/pacific-quotes.

    python -m bench.convert_pacific_quotes [--mirror DIR]    # the articles and their gold
    python -m bench.convert_pacific_quotes --texts OUT       # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of a region and outlets no
set before it was drawn from: 20 English-language stories of 2019-2025 from the Pacific
(Papua New Guinea, Solomon Islands, Vanuatu), four from each of five outlets: ABC News
(Australia), RNZ Pacific (New Zealand), the Vanuatu Business Review, TVWAN News and The
National (Papua New Guinea). They are read from two public repositories at pinned commits:

- github: worldbank/pacific-observatory at 15b9ead (the World Bank's Master Community
  License Agreement covers its code; the texts it scraped are the outlets'): the story files
  data/text/{solomon_islands,marshall_islands,tonga,vanuatu}/*_abc_news.csv,
  data/text/solomon_islands/solomon_islands_rnz_news.csv and data/text/vanuatu/vbr_news.csv
  (url, news, date, a title for the VBR only), and the titles of the ABC's and RNZ's
  stories in data/text/solomon_islands/solomon_islands_{abc,rnz}_urls.csv;
- github: charlieikosi/PNG-News-Database at 3cc7c2e (no licence stated; the texts are the
  outlets'): TVWAN/tvwan_{local,politics,business}_with_full_text_sentiment.csv and
  The National/thenational_nation_with_full_text_sentiment.csv (Title, Date, URL, Content).

The texts are rebuilt here from those commits and never committed.

Chosen in stop 77 (2026-12-07) by a helper who never saw Reader, by a rule fixed before any
story was read (counts only): the candidates are the rows of those story files, read in the
alphabetical order of the helper's copies' names (FILES), one a URL (its first row), whose
URL's host is www.abc.net.au, www.rnz.co.nz, vbr.vu, tvwan.com.pg or www.thenational.com.pg;
a candidate is kept if its date names a year of 2019 or later, its story has 200 to 1,500
words (whitespace-split) and six double quotation marks or more (“ ” "). The kept go in the
order of sha256("reader-blind77b|" + URL), and the first 20 are taken, at most four an
outlet; each outlet's are named in that order (abc-01 ... abc-04, national-01 ..., rnz-01
..., tvwan-01 ..., vbr-01 ...). The same helper labelled them with the brief in
tests/data/quotes/BRIEF.md; the labels are committed in
tests/data/quotes/pacific1_labels.json, the texts never.

The text labelled and scored is the headline on its line (the story file's title, or for
the ABC and RNZ the URL list's), then the story, a blank line between paragraphs. A line
"Photo: ..." (RNZ's photo credits) goes with the caption line just before it. TVWAN's
stories keep their own lines as paragraphs; The National's were stored with their
paragraphs joined by spaces, so each is one block; the ABC's, RNZ's and the VBR's were
stored with their paragraphs run together ("... end.Next ..."), so the helper's generic
restorer (`paragraphs_of_run_together`) put breaks back. Nothing else is changed (quotation
marks, non-breaking spaces, typos and a byline run into a first sentence kept as stored).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from functools import cache
from pathlib import Path

from bench.fetch_extraction_corpus import Repository, Source
from bench.news_pages import (
    CACHE,
    Page,
    batch_set_name,
    double_marks,
    labelled_batches,
    pinned_repositories,
    pinned_set_main,
)

STEM = "pacific"
BATCHES = labelled_batches(STEM, 1)  # batch -> (labels file, set's folder)
SOURCES = {
    "observatory": Source(
        "worldbank/pacific-observatory", "15b9ead7d28753323d4c4275636d25e433701884"
    ),
    "png": Source("charlieikosi/PNG-News-Database", "3cc7c2efad74d90a5b4f7e33fd968294e8fc8281"),
}
# The story files, in the order the helper read them (a URL's first row is its candidate):
# the alphabetical order of the names of the helper's copies, the country's folder and the
# file's name ("marshall_islands_marshall_islands_abc_news.csv"), or "png_" and the file's
FILES = (
    ("observatory", "data/text/marshall_islands/marshall_islands_abc_news.csv"),
    ("png", "The National/thenational_nation_with_full_text_sentiment.csv"),
    ("png", "TVWAN/tvwan_business_with_full_text_sentiment.csv"),
    ("png", "TVWAN/tvwan_local_with_full_text_sentiment.csv"),
    ("png", "TVWAN/tvwan_politics_with_full_text_sentiment.csv"),
    ("observatory", "data/text/solomon_islands/solomon_islands_abc_news.csv"),
    ("observatory", "data/text/solomon_islands/solomon_islands_rnz_news.csv"),
    ("observatory", "data/text/tonga/tonga_abc_news.csv"),
    ("observatory", "data/text/vanuatu/vanuatu_abc_news.csv"),
    ("observatory", "data/text/vanuatu/vbr_news.csv"),
)
# The ABC's and RNZ's headlines (their story files have none), a URL's last row's title
TITLE_FILES = (
    "data/text/solomon_islands/solomon_islands_abc_urls.csv",
    "data/text/solomon_islands/solomon_islands_rnz_urls.csv",
)
OUTLETS = {
    "www.abc.net.au": "abc",
    "www.rnz.co.nz": "rnz",
    "vbr.vu": "vbr",
    "tvwan.com.pg": "tvwan",
    "www.thenational.com.pg": "national",
}
RUN_TOGETHER = frozenset({"abc", "rnz", "vbr"})  # outlets whose paragraphs were run together
SALT = "reader-blind77b"
ARTICLES = 20
PER_OUTLET = 4
FIRST_YEAR = 2019
MIN_WORDS, MAX_WORDS = 200, 1_500
MIN_MARKS = 6
_YEAR = re.compile(r"(20\d\d)")


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: pacific-quotes (there is one batch)."""
    return batch_set_name(STEM, number)


# --- paragraphs run together ------------------------------------------------------------------

# A paragraph break was lost where sentence-final punctuation runs straight into the next
# paragraph's first letter or opening mark: "end.Next", "end.“Next", "end.”Next",
# "end.”\"Next", "end.\"\"Next" (a closing straight mark, then an opening one)
_JOIN = re.compile(
    r"(?<=[.?!])(?=[A-Z\u201c\u2018])"
    r"|(?<=[.?!][\u201d\u2019])(?=[A-Z\u201c\u2018\"])"
    r"|(?<=[.?!]\")(?=\"[A-Z])"
)
# ... and where a single straight mark sits in the join ('end."Next') it closes the paragraph
# before it or opens the one after it: which, `paragraphs_of_run_together` decides
_STRAIGHT_JOIN = re.compile(r"(?<=[.?!])\"(?=[A-Z])")
_OPENER_AFTER = "([{\u2014\u2013-/"  # a straight mark after a space or one of these opens
_CLOSER_BEFORE = ".,;:!?)]}\u2014\u2013-"  # one before a space or one of these closes
_OPENS_NEXT = 0.1  # the cost of giving a join's straight mark to the next paragraph


def _straight_marks(paragraph: str) -> tuple[bool, int]:
    """A paragraph's straight double marks read in turn, each opening a quotation when none is
    open and closing it otherwise: whether one is left open at its end, and the count of
    marks whose look disagrees with their turn (a mark that looks like an opener, after a
    space or a bracket and before a non-space, met while one is open; or one that looks like
    a closer, after a non-space and before a space or a punctuation mark, met while none is)."""
    cost, is_open = 0, False
    for index, char in enumerate(paragraph):
        if char != '"':
            continue
        before = paragraph[index - 1] if index else " "
        after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
        opener = (before.isspace() or before in _OPENER_AFTER) and not after.isspace()
        closer = not before.isspace() and (after.isspace() or after in _CLOSER_BEFORE)
        if opener and not closer and is_open:
            cost += 1
        if closer and not opener and not is_open:
            cost += 1
        is_open = not is_open
    return is_open, cost


def paragraphs_of_run_together(line: str) -> list[str]:
    """The paragraphs of a line whose paragraphs were run together ("... end.Next ...").

    A break goes at each join `_JOIN` finds. At a join `_STRAIGHT_JOIN` finds ('end."Next')
    the straight mark belongs to one side only: it closes the paragraph before or opens the
    one after. The choice, made for the whole line at once, is the one of least cost, where
    a paragraph costs 1 for each mark whose look disagrees with its turn (`_straight_marks`),
    1 if the mark a join gave it at its end leaves a quotation open, 1 if it is the line's
    last and leaves one open, and 1 if it follows a paragraph left open without opening
    with the mark of the join before it (a quotation running over paragraphs reopens each
    one with a mark); giving a join's mark to the next paragraph costs `_OPENS_NEXT` more,
    and between equal costs the mark closes the paragraph before. Each paragraph is
    stripped; empty ones are dropped. (The restorer the helper wrote for this set, ported
    as it ran, the costs summed from the line's end in floating point as it summed them.)"""
    cuts = sorted(
        [(found.start(), False) for found in _JOIN.finditer(line)]
        + [(found.start(), True) for found in _STRAIGHT_JOIN.finditer(line)]
    )
    pieces, straight, start = [], [], 0  # the text between cuts, and whether a cut is a mark
    for position, is_mark in cuts:
        pieces.append(line[start:position])
        straight.append(is_mark)
        start = position + 1 if is_mark else position  # (a join's mark: in neither piece)
    pieces.append(line[start:])
    last = len(pieces) - 1

    def walk(index: int, leads: bool, closes: bool) -> tuple[bool, int]:
        paragraph = ('"' if leads else "") + pieces[index] + ('"' if closes else "")
        is_open, cost = _straight_marks(paragraph)
        return is_open, cost + (1 if closes and is_open else 0)

    @cache
    def best(index: int, leads: bool, after_open: bool) -> tuple[float, tuple[bool, ...]]:
        """The least cost of the pieces from `index` on, and for each join of theirs whether
        its mark opens the next paragraph: `leads`, the piece opens with the mark of the
        join before it; `after_open`, the paragraph before it was left open."""
        cost = 1 if after_open and not leads else 0
        if index == last:
            is_open, marks = walk(index, leads, False)
            return cost + marks + (1 if is_open else 0), ()
        if not straight[index]:
            is_open, marks = walk(index, leads, False)
            rest, opens = best(index + 1, False, is_open)
            return cost + marks + rest, (False, *opens)
        is_open, marks = walk(index, leads, True)
        rest, opens = best(index + 1, False, is_open)
        closing = (cost + marks + rest, (False, *opens))
        is_open, marks = walk(index, leads, False)
        rest, opens = best(index + 1, True, is_open)
        opening = (cost + marks + rest + _OPENS_NEXT, (True, *opens))
        return opening if opening[0] < closing[0] else closing

    _, opens = best(0, False, False)
    paragraphs, leads = [], False
    for index, piece in enumerate(pieces):
        paragraph = ('"' if leads else "") + piece
        if index < last and straight[index] and not opens[index]:
            paragraph += '"'
        paragraphs.append(paragraph.strip())
        leads = index < last and straight[index] and opens[index]
    return [paragraph for paragraph in paragraphs if paragraph]


# --- the stories ------------------------------------------------------------------------------


def _rows(repository: Repository, path: str) -> list[dict[str, str]]:
    """A CSV file's rows, by column (a byte-order mark before the header dropped)."""
    text = repository.read(path).decode("utf-8-sig")
    csv.field_size_limit(10**9)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _year(date: str) -> int:
    found = _YEAR.search(date)
    return int(found.group(1)) if found else 0


def text_of(outlet: str, title: str, story: str) -> str:
    """The article as labelled: the headline, a blank line, the story's paragraphs."""
    lines = [line.strip() for line in story.replace("\r", "").split("\n")]
    dropped = set()  # a photo's credit line ("Photo: ...") and its caption, the line before
    for index, line in enumerate(lines):
        if line.startswith("Photo:"):
            dropped.update({index, index - 1})
    paragraphs: list[str] = []
    for index, line in enumerate(lines):
        if not line or index in dropped:
            continue
        if outlet in RUN_TOGETHER:
            paragraphs.extend(paragraphs_of_run_together(line))
        else:
            paragraphs.append(line)
    return title.strip() + "\n\n" + "\n\n".join(paragraphs) + "\n"


def chosen(repositories: dict[str, Repository]) -> list[Page]:
    """The set's 20 articles, (outlet-NN, text), by the rule of the module's docstring."""
    candidates: dict[str, tuple[str, str, str, str]] = {}  # URL -> outlet, date, title, story
    for source, path in FILES:
        for row in _rows(repositories[source], path):
            column = {name.lower(): name for name in row}
            url = row[column["url"]].strip()
            story = row[column["content"]] if "content" in column else row[column["news"]]
            outlet = OUTLETS.get(url.split("/")[2])
            if outlet is None or url in candidates:
                continue
            title = row[column["title"]] if "title" in column else ""
            candidates[url] = (outlet, row[column["date"]], title, story)
    kept = []
    for url, (_, date, _, story) in candidates.items():
        words = len(story.split())
        marks = double_marks(story)
        if _year(date) >= FIRST_YEAR and MIN_WORDS <= words <= MAX_WORDS and marks >= MIN_MARKS:
            kept.append((hashlib.sha256(f"{SALT}|{url}".encode()).hexdigest(), url))
    kept.sort()
    headlines = {}
    for path in TITLE_FILES:
        for row in _rows(repositories["observatory"], path):
            headlines[row["url"].strip()] = row["title"]
    taken: list[Page] = []
    per_outlet: Counter[str] = Counter()
    for _, url in kept:
        outlet, _, title, story = candidates[url]
        if per_outlet[outlet] >= PER_OUTLET:
            continue
        per_outlet[outlet] += 1
        name = f"{outlet}-{per_outlet[outlet]:02d}"
        taken.append((name, text_of(outlet, title or headlines.get(url, ""), story)))
        if len(taken) == ARTICLES:
            break
    return taken


def repositories_of(mirror: Path | None) -> dict[str, Repository]:
    """The two source repositories at their pinned commits: under
    bench/.data/extraction/sources/ (fetched there when missing), or bare copies
    `mirror`/owner+name/repo."""
    return pinned_repositories(SOURCES, mirror, CACHE)


def main(argv: list[str] | None = None) -> int:
    """`--texts OUT` writes the bare texts to label; without it, the labelled articles and
    their gold go to the set's folder (`bench.news_pages.pinned_set_main`)."""
    return pinned_set_main(
        argv,
        "convert_pacific_quotes",
        STEM,
        __doc__.splitlines()[0],
        BATCHES,
        lambda mirror: chosen(repositories_of(mirror)),
    )


if __name__ == "__main__":
    raise SystemExit(main())
