"""Build the `canews-quotes` sets of `python -m bench.quotes` into bench/.data/canews-quotes[-N].

    python -m bench.convert_canews_quotes [--mirror DIR]               # articles and their gold
    python -m bench.convert_canews_quotes --texts OUT [--batch N]      # the bare texts, to label

A blind set of Canadian news for quote and speaker finding (issue 17), of outlets and a year
no set before it was drawn from: the articles that github jannalouisea/newsworthy_ml (a
student project of 2020) saved with newspaper3k from CBC News, CTV News, the Toronto Star, the
Globe and Mail, the National Post and the Victoria Times Colonist, mostly of February to
August 2020 (title, byline and the body with its paragraphs). The repository states no licence
for them and the texts are the publishers' work: they are rebuilt here from the repository at
its pinned commit, never committed. Unrelated to the Gender Gap Tracker, whose annotated
articles stay reserved for the independent check.

Chosen in stop 62 before any article was read, by rules fixed first: an article's address
ends in a slug of five words or more (not a section's page: "/news/covid-19"); one row an
address; a body of 150 to 1,200 words with six double quotation marks or more; in the order
of sha256("reader-canews-quotes-v1|" + name); one article a byline of an outlet across all
batches (one wire story an outlet, one an author), so that a batch reads many writers; 60 a
batch. Helpers who never saw Reader label a batch's texts with the brief in
tests/data/quotes/BRIEF.md; the labels are committed in tests/data/quotes/canewsN_labels.json
before any scorer reads the articles. The text labelled and scored is the title on its line,
then the story: a `.txt` file as a user would add it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

from bench.convert_abp_quotes import paragraphs_of
from bench.fetch_extraction_corpus import Repository, Source
from bench.news_pages import NewsQuoteSet, Row, batch_set_name, labelled_batches

MAX_WORDS = 1_200
SLUG_WORDS = 5
SOURCES = {
    "canews": Source("jannalouisea/newsworthy_ml", "da1a8d82a18ba045f4ce591ec5c489a38d2e7f6c")
}
# The repository's files of each outlet, and the outlet's name in them (cp24.csv holds the
# Toronto Star's articles, with rows its quoting broke, which name no such outlet).
FILES = {
    "cbc.csv": "cbc",
    "ctv.csv": "ctvnews",
    "cp24.csv": "thestar",
    "nationalpost.csv": "nationalpost",
    "news_project/new_articles/National.csv": "theglobeandmail",
    "news_project/new_articles/BC_Dailies.csv": "timescolonist",
}


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: canews-quotes for the first, canews-quotes-N after."""
    return batch_set_name("canews", number)


BATCHES = labelled_batches("canews", 18)  # batch -> (labels, folder)


def is_article_address(url: str) -> bool:
    """Whether an address is an article's: its last part a slug of `SLUG_WORDS` words or
    more ("…/premier-doug-ford-launching-campaign-style-tour-of-ontario.html"), not a
    section's page ("https://www.cbc.ca/news/covid-19")."""
    last = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return last.count("-") >= SLUG_WORDS - 1


def _csv_rows(git_dir: Path, commit: str, path: str) -> list[dict[str, str]]:
    raw = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8", "replace")
    csv.field_size_limit(sys.maxsize)
    return list(csv.DictReader(io.StringIO(raw)))


@cache
def _records(git_dir: Path, commit: str) -> dict[str, dict[str, str]]:
    """Every article the files hold that the rules let in, by its name in the set."""
    chosen: dict[str, dict[str, str]] = {}
    seen: set[str] = set()
    for path, outlet in FILES.items():
        for row in _csv_rows(git_dir, commit, path):
            url = (row.get("url") or "").strip()
            text = row.get("text") or ""
            if row.get("outlet") != outlet or url in seen or not is_article_address(url):
                continue
            seen.add(url)
            if not 1 <= len(text.split()) <= MAX_WORDS:
                continue
            digest = hashlib.sha256(url.encode()).hexdigest()[:8]
            chosen[f"canews-{outlet}-{digest}"] = {
                "outlet": outlet,
                "url": url,
                "authors": (row.get("authors") or "").strip(),
                "title": row.get("title") or "",
                "text": text,
            }
    return chosen


def _records_of(repository: Repository | None) -> dict[str, dict[str, str]]:
    """`_records` of the project's repository at its pinned commit."""
    if repository is None:
        raise SystemExit("error: the canews set reads its articles from the project's repository")
    return _records(repository.git_dir, repository.source.commit)


def canews_rows(repository: Repository | None) -> list[Row]:
    """One row an article, its "site" its outlet and byline (an article without a byline is
    a site of its own)."""
    rows = []
    for name, record in _records_of(repository).items():
        byline = record["authors"] if record["authors"] not in {"", "[]"} else record["url"]
        site = f"{record['outlet']}|{byline}"
        rows.append({"dataset": "canews", "file": name, "site": site, "gold": f"canews:{name}"})
    return rows


def read_record(repository: Repository | None, path: str) -> bytes:
    """An article's record as JSON (the `gold` of its row names it)."""
    return json.dumps(_records_of(repository)[path]).encode()


def headline_and_story(raw: bytes) -> tuple[str, str]:
    """An article's title and its body's paragraphs, from its record."""
    record = json.loads(raw)
    title = " ".join(str(record.get("title") or "").split())
    return title, "\n\n".join(paragraphs_of(str(record.get("text") or "")))


CANEWS_QUOTES = NewsQuoteSet(
    dataset="canews",
    source="canews",
    salt="reader-canews-quotes-v1",
    story_of=headline_and_story,
    per_batch=60,
    batches=BATCHES,
    prefix="canews-",
    sources=SOURCES,
    rows_of=canews_rows,
    read_gold=read_record,
)

if __name__ == "__main__":
    raise SystemExit(
        CANEWS_QUOTES.main("python -m bench.convert_canews_quotes", __doc__.splitlines()[0])
    )
