"""Build the `ghana-quotes` set of `python -m bench.quotes` into bench/.data/ghana-quotes.

    python -m bench.convert_ghana_quotes [--mirror DIR]    # the articles and their gold
    python -m bench.convert_ghana_quotes --texts OUT       # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of a country and outlets no
set before it was drawn from: 20 Ghanaian news stories of January 2026, three at most from
each of nine outlets: AdomOnline, GhanaWeb, MyJoyOnline, The Herald, Peace FM Online, Starr
FM, GhPage, Ameyaw Debrah and Nkonkonsa. They are read from github:
oscarmireku/ghana-news-feed, a news aggregator's web app whose feed files (JSON:
generated_at, ..., stories: id, source, title, link, image, time, section, content) hold the
stories it gathered from the outlets, the full story as HTML in `content` (null for many).
The repository states no licence (no licence file, none in its README or package.json), and
the texts are the outlets' work: they are rebuilt here from its pinned commits and never
committed.

The history walked is that of its HEAD at the time, 572472c (2026-01-27; 145 commits), in
which only two commits change feed.json or public/news-feed.json (`git log -- feed.json
public/news-feed.json`): a16a571 (2026-01-11, adds both) and 3e0fb85 (2026-01-14, changes
public/news-feed.json alone), so three versions of the files in all; the rule reads them at
those two commits (`SOURCES`, in the order walked), each fetched alone when no mirror is given.

Chosen in stop 78 (2026-12-07) by a helper who never saw Reader, by a rule fixed before any
story was read (counts only): the commits that change either file are walked oldest first (by
commit date), and in each feed.json then public/news-feed.json (where the commit has it), the
stories in their array's order; a story with an empty or null `content` is no candidate, and a
candidate is the first story of its `link` (stripped) met in that order: 335 in all. Its body
is its `content` made text (below), the headline apart; it is kept if the body has 150 to
1,500 words (whitespace-split) and four double quotation marks or more (“ ” " counted
together): 161. The kept go in the order of sha256("stop78-ghana:" + link) (hex, ascending;
no "|" between), and are taken down that order until 20 are taken, skipping one whose outlet
(the link's host, lower case, without "www.") already has three. Each is named by its outlet's
host's first label, "2026", and at most five words of the link's last path segment that holds
a letter (".html", ".htm", ".php", ".asp", ".aspx" dropped, lower case, cut at each run of
characters not a-z or 0-9, words all of figures dropped), joined by hyphens
(adomonline-2026-goldbod-losses-are-not-a; "story" where no segment holds a letter; "-2",
"-3" ... after a name taken before). The same helper labelled them (quote_start_words,
speaker, debatable, as tests/data/quotes/BRIEF.md asks); the labels are committed in
tests/data/quotes/ghana1_labels.json, the texts never.

The text labelled and scored is the headline on its line, then the body, one paragraph a line
(no blank line between them, as the helper wrote them). The HTML becomes text so: carriage
returns dropped; script and style elements dropped whole; each tag, opening or closing, of p,
div, li, ul, ol, h1-h6, blockquote, tr, table, figure and figcaption, and each br, a line
break; every other tag dropped; entities decoded, then decoded again (for a "&amp;#8220;");
non-breaking spaces made spaces; in each line, each run of spaces, tabs, form feeds,
vertical tabs, thin spaces and zero-width spaces one space, the line stripped; empty lines
dropped (a story with no break is one block). The headline is the `title` made text the same
way, its lines joined by spaces. Nothing else is changed (quotation marks, bylines and
captions kept as stored).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlparse

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

STEM = "ghana"
BATCHES = labelled_batches(STEM, 1)  # batch -> (labels file, set's folder)
_REPO = "oscarmireku/ghana-news-feed"
HEAD = "572472c03edb6b40f8bb2118d2cbe754d9bbe480"  # whose history was walked (not read)
# The commits of that history that change the feed files, oldest first: the rule reads each
SOURCES = {
    "a16a571": Source(_REPO, "a16a5714876a6b7f2bc7db503a613383b18bf609"),
    "3e0fb85": Source(_REPO, "3e0fb85eb780bb0ac1fab73ec38df0fab15f5c80"),
}
FILES = ("feed.json", "public/news-feed.json")  # in each commit, in this order
SALT = "stop78-ghana:"
ARTICLES = 20
PER_OUTLET = 3
MIN_WORDS, MAX_WORDS = 150, 1_500
MIN_MARKS = 4
YEAR = "2026"  # in every name (the feeds' stories are all of January 2026)
NAME_WORDS = 5
_BREAK = re.compile(
    r"<\s*(/?\s*(p|div|li|ul|ol|h[1-6]|blockquote|tr|table|figure|figcaption)\b[^>]*|br\s*/?)\s*>",
    re.IGNORECASE,
)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\f\v\u2009\u200b]+")
_EXTENSION = re.compile(r"\.(html?|php|aspx?)$")
_LETTER = re.compile(r"[A-Za-z]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")

Candidate = tuple[str, str, str]  # (link, title, content)


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: ghana-quotes (there is one batch)."""
    return batch_set_name(STEM, number)


def paragraphs_of_html(markup: str) -> list[str]:
    """The paragraphs of a story's HTML, by the rule of the module's docstring."""
    markup = markup.replace("\r", "")
    markup = _SCRIPT.sub(" ", markup)
    markup = _BREAK.sub("\n", markup)
    markup = _TAG.sub("", markup)
    for _ in range(2):
        markup = html.unescape(markup)
    markup = markup.replace("\u00a0", " ")
    paragraphs = (_SPACES.sub(" ", line).strip() for line in markup.split("\n"))
    return [paragraph for paragraph in paragraphs if paragraph]


def headline_of(title: str) -> str:
    """A story's `title` made text, its lines joined by spaces (stripped where nothing is left)."""
    return " ".join(paragraphs_of_html(title)) or title.strip()


def text_of(title: str, paragraphs: list[str]) -> str:
    """The article as labelled: the headline on its line, then one paragraph a line."""
    return headline_of(title) + "\n" + "\n".join(paragraphs) + "\n"


def outlet_of(link: str) -> str:
    """A link's host, lower case, without "www."."""
    return urlparse(link).netloc.lower().removeprefix("www.")


def name_of(link: str, used: set[str]) -> str:
    """An article's name (outlet-2026-slug-words, see the docstring), one not in `used`, which
    it joins."""
    outlet = outlet_of(link).split(".")[0]
    segments = [segment for segment in urlparse(link).path.split("/") if segment]
    lettered = [segment for segment in segments if _LETTER.search(segment)]
    slug = _EXTENSION.sub("", lettered[-1] if lettered else "story")
    words = [word for word in _NOT_WORD.split(slug.lower()) if word and not word.isdigit()]
    base = "-".join([outlet, YEAR, *words[:NAME_WORDS]])
    name, number = base, 2
    while name in used:
        name, number = f"{base}-{number}", number + 1
    used.add(name)
    return name


def _feed(repository: Repository, path: str) -> dict[str, object] | None:
    """A feed file at the repository's commit, or None where the commit has no such file."""
    try:
        raw = repository.read(path)
    except subprocess.CalledProcessError:
        return None
    feed: dict[str, object] = json.loads(raw)
    return feed


def candidates(repositories: Iterable[Repository]) -> list[Candidate]:
    """Each story with a `content`, the first met of its link, walking the commits in the
    order given and in each FILES in turn: (link stripped, title, content)."""
    found: list[Candidate] = []
    seen: set[str] = set()
    for repository in repositories:
        for path in FILES:
            feed = _feed(repository, path)
            if feed is None:
                continue
            stories = feed.get("stories", [])
            assert isinstance(stories, list)
            for story in stories:
                link = (story.get("link") or "").strip()
                content = story.get("content")
                if not link or not content or not str(content).strip() or link in seen:
                    continue
                seen.add(link)
                found.append((link, story.get("title") or "", content))
    return found


def chosen(repositories: Iterable[Repository]) -> list[Page]:
    """The set's 20 articles, (name, text), by the rule of the module's docstring, the
    repositories one a commit in the order walked."""
    kept = []
    for link, title, content in candidates(repositories):
        paragraphs = paragraphs_of_html(content)
        body = "\n".join(paragraphs)
        words = len(body.split())
        marks = double_marks(body)
        if MIN_WORDS <= words <= MAX_WORDS and marks >= MIN_MARKS:
            digest = hashlib.sha256((SALT + link).encode("utf-8")).hexdigest()
            kept.append((digest, link, title, paragraphs))
    kept.sort(key=lambda candidate: candidate[0])
    taken: list[Page] = []
    per_outlet: dict[str, int] = {}
    used: set[str] = set()
    for _, link, title, paragraphs in kept:
        outlet = outlet_of(link)
        if per_outlet.get(outlet, 0) >= PER_OUTLET:
            continue
        per_outlet[outlet] = per_outlet.get(outlet, 0) + 1
        taken.append((name_of(link, used), text_of(title, paragraphs)))
        if len(taken) == ARTICLES:
            break
    return taken


def repositories_of(mirror: Path | None) -> list[Repository]:
    """The repository at each commit of `SOURCES`, in order: under
    bench/.data/extraction/sources/ (each commit fetched there when missing), or a bare copy
    `mirror`/oscarmireku+ghana-news-feed/repo that holds them."""
    return list(pinned_repositories(SOURCES, mirror, CACHE).values())


def chosen_from(mirror: Path | None) -> list[Page]:
    """The set's 20 articles, (name, text), read from the pinned commits."""
    return chosen(repositories_of(mirror))


def main(argv: list[str] | None = None) -> int:
    """`--texts OUT` writes the bare texts to label; without it, the labelled articles and
    their gold go to the set's folder (`bench.news_pages.pinned_set_main`)."""
    return pinned_set_main(
        argv,
        "convert_ghana_quotes",
        STEM,
        __doc__.splitlines()[0],
        BATCHES,
        chosen_from,
    )


if __name__ == "__main__":
    raise SystemExit(main())
