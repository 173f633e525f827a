"""Build the `gossipcop-quotes` set of `python -m bench.quotes` into bench/.data/gossipcop-quotes.

    python -m bench.convert_gossipcop_quotes [--mirror DIR]    # the articles and their gold
    python -m bench.convert_gossipcop_quotes --texts OUT       # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of outlets and a kind of
news no set before it was drawn from: 20 celebrity and entertainment stories of 2017-2018
(People, Us Weekly, Variety, UPI, HuffPost, Page Six, USA Today ...), the "real" GossipCop
articles of FakeNewsNet (Shu et al., 2018) as its collection script scraped them with the
newspaper library (JSON: url, title, text, publish_date), kept by github: krishg-11/FakeNews
at commit 9c08935 in fakenewsnet_dataset/gossipcop/real/ID/news content.json. Neither that
repository nor FakeNewsNet's own (KaiDMML/FakeNewsNet) states a licence, and the texts are
the outlets' work: they are rebuilt here from the repository at its pinned commit and never
committed. Only the "real" folder is read, and nothing but the story files.

Chosen in stop 77 (2026-12-07) by a helper who never saw Reader, by a rule fixed before any
article was read (only counts and addresses were computed): every file of the folder at that
commit is a candidate, named by its folder (gossipcop-855542); its story is the JSON's
"text", its outlet the host of its "url" without "www." (for a web.archive.org address, the
host of the address archived). A candidate is kept if its story has 200 to 1,500 words
(whitespace-split) and six double quotation marks or more (" “ ”), and its outlet is not
en.wikipedia.org, quora.com, a *.wordpress.com or *.livejournal.com blog, nor the BBC
(bbc.com, bbc.co.uk and their subdomains). The kept files go in the order of
sha256("reader-blind77a|" + name), and are taken down that order until 20 are taken,
skipping a file whose outlet already has four taken or whose text is that of one taken;
they are gc-01 to gc-20 in that order. The same helper labelled them with the brief in
tests/data/quotes/BRIEF.md; the labels are committed in
tests/data/quotes/gossipcop1_labels.json, the texts never.

The text labelled and scored is the JSON's "title" on its line (its first paragraph where it
has none), then the story: each non-empty line of "text", stripped, a paragraph of its own,
a blank line between them, nothing else changed (quotation marks as scraped: gc-08's first
quotation opens with ”).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
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

STEM = "gossipcop"
BATCHES = labelled_batches(STEM, 1)  # batch -> (labels file, set's folder)
SOURCES = {"gossipcop": Source("krishg-11/FakeNews", "9c08935deb517a8206fee7c4a54d793a3681be07")}
FOLDER = "fakenewsnet_dataset/gossipcop/real"
STORY_FILE = "news content.json"
SALT = "reader-blind77a"
ARTICLES = 20
PER_OUTLET = 4
MIN_WORDS, MAX_WORDS = 200, 1_500
MIN_MARKS = 6
EXCLUDED = frozenset({"en.wikipedia.org", "quora.com", "bbc.com", "bbc.co.uk"})
EXCLUDED_SUFFIXES = (".wordpress.com", ".livejournal.com", ".bbc.com", ".bbc.co.uk")
_ARCHIVED = re.compile(r"web\.archive\.org/web/[0-9a-z_]+/(?:https?://)?([^/]+)")


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: gossipcop-quotes (there is one batch)."""
    return batch_set_name(STEM, number)


def outlet_of(url: str) -> str:
    """The host of an article's address, lower case, without port or "www."; for a
    web.archive.org address, the host of the address archived."""
    archived = _ARCHIVED.search(url)
    host = (archived.group(1) if archived else urlparse(url).netloc).lower().split(":")[0]
    return host.removeprefix("www.")


def excluded(outlet: str) -> bool:
    """Whether an outlet is one the rule leaves out (an encyclopedia, a forum, blogs, the BBC)."""
    return outlet in EXCLUDED or outlet.endswith(EXCLUDED_SUFFIXES)


def story_paths(repository: Repository) -> list[str]:
    """The story files of the folder at the pinned commit (their names hold a space, so the
    listing is read NUL-separated)."""
    listing = subprocess.run(
        [
            "git",
            f"--git-dir={repository.git_dir}",
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            repository.source.commit,
            FOLDER,
        ],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return [path for path in listing.split("\0") if path.endswith(f"/{STORY_FILE}")]


def text_of(record: dict[str, object]) -> str:
    """The article as labelled: the title on its line (the first paragraph where there is no
    title), a blank line, then each non-empty line of the story, stripped, as a paragraph."""
    paragraphs = [line.strip() for line in str(record.get("text") or "").split("\n")]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    title = str(record.get("title") or "").strip() or paragraphs[0]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def chosen(repository: Repository) -> list[Page]:
    """The set's 20 articles, (gc-NN, text), by the rule of the module's docstring."""
    kept = []
    for path in story_paths(repository):
        record = json.loads(repository.read(path).decode("utf-8"))
        story = record.get("text") or ""
        words = len(story.split())
        marks = double_marks(story)
        outlet = outlet_of(record.get("url") or "")
        if MIN_WORDS <= words <= MAX_WORDS and marks >= MIN_MARKS and not excluded(outlet):
            name = path.split("/")[3]  # the story's folder: gossipcop-855542
            digest = hashlib.sha256(f"{SALT}|{name}".encode()).hexdigest()
            kept.append((digest, name, outlet, story, record))
    kept.sort(key=lambda candidate: (candidate[0], candidate[1]))
    taken: list[Page] = []
    per_outlet: dict[str, int] = {}
    stories: set[str] = set()
    for _, _, outlet, story, record in kept:
        if per_outlet.get(outlet, 0) >= PER_OUTLET or story in stories:
            continue
        per_outlet[outlet] = per_outlet.get(outlet, 0) + 1
        stories.add(story)
        taken.append((f"gc-{len(taken) + 1:02d}", text_of(record)))
        if len(taken) == ARTICLES:
            break
    return taken


def main(argv: list[str] | None = None) -> int:
    """`--texts OUT` writes the bare texts to label; without it, the labelled articles and
    their gold go to the set's folder (`bench.news_pages.pinned_set_main`)."""
    return pinned_set_main(
        argv,
        "convert_gossipcop_quotes",
        STEM,
        __doc__.splitlines()[0],
        BATCHES,
        lambda mirror: pinned_chosen(chosen, SOURCES, mirror, CACHE),
    )


if __name__ == "__main__":
    raise SystemExit(main())
