"""Build the `southasia-quotes` set of `python -m bench.quotes` into bench/.data/southasia-quotes.

    python -m bench.convert_southasia_quotes [--mirror DIR]    # the articles and their gold
    python -m bench.convert_southasia_quotes --texts OUT       # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of a region and outlets no
set before it was drawn from: 20 English-language stories of 2017-2025 from Pakistan (Dawn,
APP - the Associated Press of Pakistan), Bangladesh (Prothom Alo's English edition, The
Business Standard, The Daily Ittefaq) and India (The Hindu, NDTV Profit, Business Today).
They are read from three public repositories, each file at the commit it was taken from:

- github: gitcodeuu/xai_articles at b0dabd2 (no licence stated for the data; its
  package.json declares "ISC", for the code): data/dawn/articles/**/*.json and
  data/app/articles/**/*.json, one story a file (title, content);
- github: EhsanulHaqueSiam/BDNewsPaperScraper (MIT for the code by its README's badge; its
  dataset card, data/dataset-metadata.json, says CC0-1.0): the article dumps
  data/articles.json at 244a544 and data/daily/2025-12-29/articles.json at 8947a6c, the only
  two versions of the dumps its stored history holds (records: headline, article, url,
  paper_name, source_language);
- github: desiquant/news_scraper (no licence stated): its scrapers' test snapshots,
  tests/__snapshots__/test_spiders.ambr, one block an article page (`# name:
  test_spider_parse[URL]`, then 'article_text', 'title' ... one a line as Python literals),
  in every version of the file its history holds: the twelve commits that changed it,
  0243fb5 (2024-07-13) to 3e7a3de (2024-10-28) (the helper's notes say 13: the newest
  commit, d7b3f6a, holds bcb358d's version again). The stories chosen are read from
  0243fb5 and 2188da9.

The texts are the outlets' work: they are rebuilt here from those commits and never
committed.

Chosen in stop 77 (2026-12-07) by a helper who never saw Reader, by a rule fixed before any
story was read (counts only). The candidates (42,415) are: each story file of xai_articles at
b0dabd2 that parses as JSON, named by its path, its story the "content", its outlet Dawn or
APP by its folder; each record of the two BDNewsPaperScraper dumps whose source_language is
"English" (244a544's dump first, a URL met before skipped), named by its URL, its story the
"article", its outlet the "paper_name"; and each URL of the twelve snapshot versions, with
the longest 'article_text' any version gives it (the first, in the order of the commits'
short hashes, among equals), named by its URL, its outlet the URL's host without "www.". A
candidate is kept if its story has 200 to 1,500 words (whitespace-split) and six double
quotation marks or more (" “ ”): 17,307. The kept go in the order of
sha256("reader-blind77c|" + name) (hex, ascending), and the first 20 are taken, skipping one
whose outlet already has four; each outlet's are numbered in that order (dawn-01 ...,
app-01 ..., prothomalo-01 ..., tbs-01 ..., thehindu-01, ndtvprofit-01, ittefaq-01,
businesstoday-01). The same helper labelled them with the brief in
tests/data/quotes/BRIEF.md; the labels are committed in
tests/data/quotes/southasia1_labels.json, the texts never. This converter does not run the
rule again (it would read every version of every source): it reads the 20 articles it chose,
each from its file at its commit (`ARTICLES`).

The text labelled and scored is the headline (the title, its whitespace collapsed) on its
line, then the story: each non-empty line of it, stripped, a paragraph of its own, a blank
line between them. The one thing dropped is a page script line APP's stories end with
("(adsbygoogle=window.adsbygoogle||[]).push({});", in app-01 to app-03). Twelve stories
(the nine from BDNewsPaperScraper and the three from the snapshots) lost their paragraph
breaks in the source, each stored as one line: they are kept so, one block each. Nothing
else is changed: Dawn's titles keep their " - World - DAWN.COM" suffixes and its stories
their related-story lines and "Published in Dawn, ..." lines, and words the scrapers dropped
(linked names in thehindu-01 and ndtvprofit-01) or a missing lede (tbs-01, tbs-04) are left
as stored.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from bench.fetch_extraction_corpus import Repository, Source
from bench.news_pages import (
    CACHE,
    Page,
    batch_set_name,
    labelled_batches,
    pinned_repositories,
    pinned_set_main,
)

STEM = "southasia"
BATCHES = labelled_batches(STEM, 1)  # batch -> (labels file, set's folder)
_XAI = "gitcodeuu/xai_articles"
_BD = "EhsanulHaqueSiam/BDNewsPaperScraper"
_SNAPSHOTS = "desiquant/news_scraper"
SOURCES = {
    "xai": Source(_XAI, "b0dabd22a0086d29d54129bf571ec10588070823"),
    "bd-244a544": Source(_BD, "244a544fbb97ead4cb2c268df1b22497c1e38b41"),
    "bd-8947a6c": Source(_BD, "8947a6cb897d94b3eea76c179394959652692819"),
    "snapshots-0243fb5": Source(_SNAPSHOTS, "0243fb58be17fa154b49fbc4c790ef099d0e3db5"),
    "snapshots-2188da9": Source(_SNAPSHOTS, "2188da9cc77eaa348690614fa26723b1f51d4bf2"),
}
# The file of each source that holds many stories (an xai_articles story is a file of its own)
DUMPS = {
    "bd-244a544": "data/articles.json",
    "bd-8947a6c": "data/daily/2025-12-29/articles.json",
    "snapshots-0243fb5": "tests/__snapshots__/test_spiders.ambr",
    "snapshots-2188da9": "tests/__snapshots__/test_spiders.ambr",
}
# The 20 articles in the order taken: (name, source, the candidate's name: a story file's
# path in xai_articles, an article's URL in a dump)
ARTICLES: tuple[tuple[str, str, str], ...] = (
    (
        "dawn-01",
        "xai",
        "data/dawn/articles/2025/05/08/2025-05-08_57bb26dc0d389771bc3fa2ee62b13176.json",
    ),
    (
        "app-01",
        "xai",
        "data/app/articles/2025/10/18/2025-10-18_5764ec46998bd2a629b267eaae43a0f2.json",
    ),
    (
        "dawn-02",
        "xai",
        "data/dawn/articles/2025/08/03/2025-08-03_02d1203f87308d4b199c3a7e439a6ac2.json",
    ),
    (
        "dawn-03",
        "xai",
        "data/dawn/articles/2025/08/23/2025-08-23_bcb4de258cc7ec9c48309fa29a53c8cb.json",
    ),
    (
        "dawn-04",
        "xai",
        "data/dawn/articles/2025/02/10/2025-02-10_00a874c09a8f026ff2878411f9d75449.json",
    ),
    (
        "app-02",
        "xai",
        "data/app/articles/2025/05/28/2025-05-28_0e7f4c8e7287790e3b29f135fa3e9756.json",
    ),
    (
        "app-03",
        "xai",
        "data/app/articles/2025/06/14/2025-06-14_265cd5d52bb9f84a1e979e8b82407dee.json",
    ),
    (
        "app-04",
        "xai",
        "data/app/articles/2025/06/01/2025-06-01_88359973d60f203fec029d78bb489dae.json",
    ),
    ("prothomalo-01", "bd-244a544", "https://en.prothomalo.com/bangladesh/politics/lg5vr330dt"),
    ("prothomalo-02", "bd-244a544", "https://en.prothomalo.com/bangladesh/politics/a6gv6gevr3"),
    ("prothomalo-03", "bd-244a544", "https://en.prothomalo.com/bangladesh/local-news/4727yckhrs"),
    ("prothomalo-04", "bd-244a544", "https://en.prothomalo.com/bangladesh/local-news/rz6wybeq6g"),
    (
        "tbs-01",
        "bd-8947a6c",
        "https://www.tbsnews.net/bangladesh/traders-human-chain-against-extortionists-comes-under-attack-karwan-bazar-1321561",
    ),
    (
        "tbs-02",
        "bd-244a544",
        "https://www.tbsnews.net/bangladesh/zaima-rahman-shares-heartfelt-tribute-family-cat-zebu-1321791",
    ),
    (
        "tbs-03",
        "bd-244a544",
        "https://www.tbsnews.net/analysis/can-february-election-breathe-fresh-air-gasping-economy-1321851",
    ),
    (
        "tbs-04",
        "bd-244a544",
        "https://www.tbsnews.net/bangladesh/pakistans-deputy-pm-ishaq-dar-offers-condolences-khaleda-zia-passes-away-1322251",
    ),
    (
        "thehindu-01",
        "snapshots-2188da9",
        "https://www.thehindu.com/business/Industry/sebi-chief-madhabi-puri-buch-husband-deny-impropriety-allegations/article68638012.ece",
    ),
    (
        "ndtvprofit-01",
        "snapshots-2188da9",
        "https://www.ndtvprofit.com/business/trump-s-g-20-ends-with-few-prizes-little-consensus-on-his-goals",
    ),
    (
        "ittefaq-01",
        "bd-8947a6c",
        "https://en.ittefaq.com.bd/14764/us-pledges-2bn-for-un-humanitarian-aid-includes",
    ),
    (
        "businesstoday-01",
        "snapshots-0243fb5",
        "https://www.businesstoday.in/markets/company-stock/story/hdfc-bank-shares-down-8-from-one-year-high-should-you-enter-at-current-levels-436040-2024-07-05",
    ),
)
SALT = "reader-blind77c"  # (the rule's, for the record: `ARTICLES` is what it chose)
_SCRIPT_LINE = "(adsbygoogle=window.adsbygoogle||[]).push({});"  # ends APP's stories
_SNAPSHOT_NAME = re.compile(r"# name: test_spider_parse\[(.*?)\]\n")
_SNAPSHOT_FIELD = re.compile(r"^      '(\w+)': (.*?),$", re.MULTILINE)


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: southasia-quotes (there is one batch)."""
    return batch_set_name(STEM, number)


def text_of(title: str, story: str) -> str:
    """The article as labelled: the title, its whitespace collapsed, a blank line, then each
    non-empty line of the story, stripped, as a paragraph (APP's script line dropped)."""
    paragraphs = [line.strip() for line in story.split("\n")]
    paragraphs = [line for line in paragraphs if line and line != _SCRIPT_LINE]
    return " ".join(title.split()) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def dump_record(raw: bytes, url: str) -> tuple[str, str]:
    """(headline, article) of a BDNewsPaperScraper dump's first English record of `url`."""
    for record in json.loads(raw.decode("utf-8")):
        if record.get("source_language") == "English" and record.get("url") == url:
            return record.get("headline") or "", record.get("article") or ""
    raise KeyError(url)


def snapshot_record(raw: bytes, url: str) -> tuple[str, str]:
    """(title, article_text) of the snapshot block of `url` in a version of
    test_spiders.ambr (the longest text where the version has the URL more than once, the
    first of equals), each field read as the Python literal it is stored as."""
    found: list[tuple[str, str]] = []
    for block in raw.decode("utf-8").split("# ---"):
        name = _SNAPSHOT_NAME.search(block)
        if name is None or name.group(1) != url:
            continue
        fields: dict[str, object] = {}
        for field in _SNAPSHOT_FIELD.finditer(block):
            try:
                fields[field.group(1)] = ast.literal_eval(field.group(2))
            except (ValueError, SyntaxError):
                fields[field.group(1)] = None
        found.append((str(fields.get("title") or ""), str(fields.get("article_text") or "")))
    if not found:
        raise KeyError(url)
    return max(found, key=lambda record: len(record[1]))


def chosen(repositories: dict[str, Repository]) -> list[Page]:
    """The set's 20 articles, (name, text), each read from its file at its commit."""
    dumps: dict[str, bytes] = {}
    taken: list[Page] = []
    for name, source, candidate in ARTICLES:
        repository = repositories[source]
        if source == "xai":
            record = json.loads(repository.read(candidate).decode("utf-8"))
            title, story = record.get("title") or "", record.get("content") or ""
        else:
            if source not in dumps:
                dumps[source] = repository.read(DUMPS[source])
            read = dump_record if source.startswith("bd-") else snapshot_record
            title, story = read(dumps[source], candidate)
        taken.append((name, text_of(title, story)))
    return taken


def repositories_of(mirror: Path | None) -> dict[str, Repository]:
    """The three source repositories, one reader a pinned commit: under
    bench/.data/extraction/sources/ (each commit fetched there when missing), or bare copies
    `mirror`/owner+name/repo that hold those commits."""
    return pinned_repositories(SOURCES, mirror, CACHE)


def main(argv: list[str] | None = None) -> int:
    """`--texts OUT` writes the bare texts to label; without it, the labelled articles and
    their gold go to the set's folder (`bench.news_pages.pinned_set_main`)."""
    return pinned_set_main(
        argv,
        "convert_southasia_quotes",
        STEM,
        __doc__.splitlines()[0],
        BATCHES,
        lambda mirror: chosen(repositories_of(mirror)),
    )


if __name__ == "__main__":
    raise SystemExit(main())
