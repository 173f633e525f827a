"""Build the `bbc-quotes` set of `python -m bench.quotes` into bench/.data/bbc-quotes.

    python -m bench.convert_bbc_quotes [--mirror DIR]       # the articles and their gold
    python -m bench.convert_bbc_quotes --texts OUT           # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of an outlet and years no
set before it was drawn from: BBC News articles of 2004-2005 (business, entertainment,
politics, sport, technology), as the News Articles Dataset publishes them (github:
ZitRos/news-articles-dataset, MIT licence; 2,095 plain-text articles, the headline on the
first line). Eight of its articles are in the `holdout` set, read long ago: they are never
chosen. The articles were chosen before any was read, as `bench.news_pages` says (150 story
words and six double quotation marks or more, in the order of sha256("reader-bbc-quotes-v1|"
+ name); the dataset is one outlet, so "one page a site" is one page an article), the first
80; their speakers were labelled by helpers who never saw Reader (stop 56; first and only
blind score in tests/data/quotes/SOURCES.md), committed as first words and speakers
(tests/data/quotes/bbc_labels.json). A second batch, `bbc-quotes-2` (the next 80 down the
same order), was labelled the same way at the same time, and kept unscored until the mends
read off the first had been made, to say whether they hold on articles no one had read
(labels: tests/data/quotes/bbc2_labels.json). A third, `bbc-quotes-3` (the next 80), was
given to helpers once the second had been scored, to score once at the stop's end the mends
read off both (labels: tests/data/quotes/bbc3_labels.json); a fourth, `bbc-quotes-4`, once the
third had been, for the mends read off the third (labels: tests/data/quotes/bbc4_labels.json);
a fifth, `bbc-quotes-5`, for the stop's last finder (labels: tests/data/quotes/bbc5_labels.json);
in stop 57 a sixth and a seventh (bbc6_labels.json, bbc7_labels.json), and in stop 58 an eighth
and a ninth (bbc8_labels.json, bbc9_labels.json), in stop 59 three more (bbc10_labels.json to
bbc12_labels.json) and in stop 60 four more (bbc13_labels.json to bbc16_labels.json, the last 71 that qualify), labelled and
committed before any of their articles was read, each scored once.
The texts are rebuilt here from the dataset's
repository. The text labelled and scored is the headline on its line, then the story: a
`.txt` file as a user would add it.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from bench.fetch_extraction_corpus import Repository, Source, files_under
from bench.news_pages import NewsQuoteSet, Row

ROOT = Path(__file__).resolve().parent.parent


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: bbc-quotes for the first, bbc-quotes-N after."""
    return "bbc-quotes" + ("" if number == 1 else f"-{number}")


def _batch(number: int) -> tuple[Path, Path]:
    """A batch's labels file (bbc_labels.json, bbcN_labels.json) and its set's folder under
    bench/.data (READER_BBC_QUOTES or READER_BBC_QUOTES_N overrides it)."""
    suffix = "" if number == 1 else str(number)
    labels = ROOT / "tests" / "data" / "quotes" / f"bbc{suffix}_labels.json"
    variable = "READER_BBC_QUOTES" + (f"_{suffix}" if suffix else "")
    return labels, Path(os.environ.get(variable, ROOT / "bench" / ".data" / set_name(number)))


BATCHES = {number: _batch(number) for number in range(1, 17)}  # batch -> (labels, folder)
HOLDOUT = ROOT / "tests" / "data" / "quotes" / "holdout"
SOURCES = {
    "bbc": Source("ZitRos/news-articles-dataset", "f0ee062afc877254b3283731e8eff33dee78dfd4")
}


def _read_before() -> set[str]:
    """The dataset's articles the holdout already holds (bbc-STEM.txt), by file stem."""
    return {path.stem.removeprefix("bbc-") for path in HOLDOUT.glob("bbc-*.txt")}


def bbc_rows(repository: Repository | None) -> list[Row]:
    """One row an article of the dataset (news/CATEGORY/STEM.txt), those read before left out."""
    if repository is None:
        raise SystemExit("error: the BBC set reads its articles from the dataset's repository")
    read_before = _read_before()
    rows = []
    for path in files_under(repository, "news"):
        posix = PurePosixPath(path)
        if posix.suffix != ".txt" or posix.stem in read_before:
            continue
        name = f"bbc-{posix.parent.name}-{posix.stem}"
        rows.append({"dataset": "bbc", "file": name, "site": name, "gold": f"bbc:{path}"})
    return rows


def headline_and_story(raw: bytes) -> tuple[str, str]:
    """The article's first line (its headline) and the paragraphs after it."""
    lines = raw.decode("utf-8").replace("\r\n", "\n").strip().split("\n")
    headline = lines[0].strip()
    paragraphs = [line.strip() for line in lines[1:] if line.strip()]
    return headline, "\n\n".join(paragraphs)


BBC_QUOTES = NewsQuoteSet(
    dataset="bbc",
    source="bbc",
    salt="reader-bbc-quotes-v1",
    story_of=headline_and_story,
    per_batch=80,
    batches=BATCHES,
    prefix="bbc-",
    sources=SOURCES,
    rows_of=bbc_rows,
)

if __name__ == "__main__":
    raise SystemExit(BBC_QUOTES.main("python -m bench.convert_bbc_quotes", __doc__.splitlines()[0]))
