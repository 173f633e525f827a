"""Build the `abp-quotes` sets of `python -m bench.quotes` into bench/.data/abp-quotes[-N].

    python -m bench.convert_abp_quotes [--mirror DIR]               # articles and their gold
    python -m bench.convert_abp_quotes --texts OUT [--batch N]      # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of outlets and years no set
before it was drawn from in bulk: the Article Bias Prediction dataset (Baly et al., EMNLP 2020;
github: ramybaly/Article-Bias-Prediction, Apache-2.0 licence): 37,554 articles of 2012-2020
that AllSides linked, from 491 outlets (CNN, the Washington Times, Politico, Fox News, NPR,
USA Today, Vox, the New York Times, the Hill, Reuters, the AP, the BBC, local papers, ...),
each with its title and its body as newspaper3k read it (paragraphs kept). The texts are the
publishers' work: they are rebuilt here from the dataset's repository, never committed.

Chosen in stop 61 before any article was read, by rules fixed first: outlets whose name says
opinion ("Guest Writer", "Opinion", "Editorial", "The Flip Side") left out; a body of 150 to
1,200 words with six double quotation marks or more; in the order of
sha256("reader-abp-quotes-v1|" + file name); one article an outlet across all batches; 80 a
batch. Helpers who never saw Reader label a batch's texts with the brief in
tests/data/quotes/BRIEF.md; the labels (each quotation's first words and its speaker) are
committed in tests/data/quotes/abpN_labels.json before any scorer reads the articles. The text
labelled and scored is the title on its line, then the story: a `.txt` file as a user would
add it.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from bench.fetch_extraction_corpus import Repository, Source
from bench.news_pages import MIN_WORDS, NewsQuoteSet, Row, batch_set_name, labelled_batches

MAX_WORDS = 1_200
OPINION = ("guest writer", "opinion", "editorial", "flip side")
SOURCES = {
    "abp": Source("ramybaly/Article-Bias-Prediction", "ced8111a720948e6a410e52031ace99c4e53f096")
}


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: abp-quotes for the first, abp-quotes-N after."""
    return batch_set_name("abp", number)


BATCHES = labelled_batches("abp", 5)  # batch -> (labels, folder)


def _slug(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", words.casefold()).strip("-")[:40] or "outlet"


def paragraphs_of(body: str) -> list[str]:
    """The body's paragraphs (newspaper3k parts them with blank lines), each on one line."""
    parts = re.split(r"\n\s*\n", body.replace("\r\n", "\n"))
    return [" ".join(part.split()) for part in parts if part.strip()]


def headline_and_story(raw: bytes) -> tuple[str, str]:
    """An article's title and its body's paragraphs, from its JSON file."""
    article = json.loads(raw)
    title = " ".join(str(article.get("title") or "").split())
    return title, "\n\n".join(paragraphs_of(str(article.get("content_original") or "")))


def _articles(git_dir: Path, commit: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every JSON file under data/jsons at the commit, (path, its record), read in one
    stream of `git cat-file --batch` one file at a time (the 37,554 files hold 530 MB)."""
    listing = subprocess.run(
        ["git", f"--git-dir={git_dir}", "ls-tree", "-r", commit, "data/jsons"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.splitlines()
    entries = [(line.split("\t", 1)[1], line.split()[2]) for line in listing]
    with tempfile.TemporaryFile() as wanted:
        wanted.write("".join(f"{blob}\n" for _, blob in entries).encode())
        wanted.seek(0)
        with subprocess.Popen(
            ["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
            stdin=wanted,
            stdout=subprocess.PIPE,
        ) as batch:
            assert batch.stdout is not None
            for path, _ in entries:
                size = int(batch.stdout.readline().split()[2])
                record = json.loads(batch.stdout.read(size))
                batch.stdout.read(1)  # the newline after each file
                yield path, record


@cache
def _outlet_rows(git_dir: Path, commit: str) -> tuple[Row, ...]:
    """`abp_rows`, worked out once a repository (each batch lists them again)."""
    rows = []
    for path, article in _articles(git_dir, commit):
        outlet = str(article.get("source") or "")
        if not outlet or any(word in outlet.casefold() for word in OPINION):
            continue
        words = len(str(article.get("content_original") or "").split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            continue
        name = f"abp-{_slug(outlet)}-{str(article.get('ID') or Path(path).stem)[:8]}"
        rows.append({"dataset": "abp", "file": name, "site": outlet, "gold": f"abp:{path}"})
    return tuple(rows)


def abp_rows(repository: Repository | None) -> list[Row]:
    """One row an article a news outlet published, of 150-1,200 words (opinion left out)."""
    if repository is None:
        raise SystemExit("error: the ABP set reads its articles from the dataset's repository")
    return [dict(row) for row in _outlet_rows(repository.git_dir, repository.source.commit)]


ABP_QUOTES = NewsQuoteSet(
    dataset="abp",
    source="abp",
    salt="reader-abp-quotes-v1",
    story_of=headline_and_story,
    per_batch=80,
    batches=BATCHES,
    prefix="abp-",
    sources=SOURCES,
    rows_of=abp_rows,
)

if __name__ == "__main__":
    raise SystemExit(ABP_QUOTES.main("python -m bench.convert_abp_quotes", __doc__.splitlines()[0]))
