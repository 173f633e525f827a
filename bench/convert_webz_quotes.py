"""Build the `webz-quotes` set of `python -m bench.quotes` into bench/.data/webz-quotes.

    python -m bench.convert_webz_quotes [--mirror DIR]    # the articles and their gold
    python -m bench.convert_webz_quotes --texts OUT       # the bare texts, to label

A blind set of real news for quote and speaker finding (issue 17), of a country and outlets no
set before it was drawn from: 20 Australian news stories of November 2020, three at most from
each site, from sixteen sites (nine.com.au, hospitalhealth.com.au, securitybrief.com.au,
healthtimes.com.au, itnews.com.au, foodmag.com.au, executivepa.com.au, weeklytimesnow.com.au,
crn.com.au, pickr.com.au, pockettactics.com, canstarblue.com.au, hellocaremail.com.au,
medicalrepublic.com.au, goldcoastbulletin.com.au, womensagenda.com.au). The helper looked for
British, Australian or New Zealand news of several outlets with full texts in a public
repository, found the Guardian's dumps (one outlet) and this one, and took this one. The
stories are read from github:markatwork8823/news-app at ac1c4f8 (2021-04-16), a React demo
app whose src/NewsSource/ holds three dumps of webz.io (Webhose) news-feed posts of Australian
sites (country "AU", site_type "news"), 214 posts in all, each with `url`, `title`, `text`,
`published`, `language` and `thread.site`: healthNews.js and businessNews.js (JavaScript
object literals, `export default {posts: [...]}`, read by this module's small literal reader,
`js_value`) and techNews.json (JSON, `[{"posts": [...]}]`). The repository states no licence
(no licence file; its README says "All rights belong to the company the website was based
on"); the posts are their publishers' work, crawled by webz.io: they are rebuilt here from
the pinned commit and never committed.

Chosen in stop 79 (2026-12-07) by a blind helper, by a rule fixed before any story was read
(counts only): the posts of healthNews.js, businessNews.js and techNews.json in that order,
each file's posts in order. A post's url is its `url` (its `thread.url` where that is empty),
as stored; its headline its `title` stripped. A post whose url, or whose headline (case
folded by `str.lower`), a post met before had is dropped, where that post was not itself
dropped so (a post dropped for a later test still holds its url and headline). A post is
kept if its `language` is "english", its site (`thread.site`, as stored) is none of the
government's, association's or union's media-release sites `NOT_NEWS_SITES` (decided from
the site names alone), and its body, as built below, has 150 to 1,500 words
(whitespace-split) and four double quotation marks or more (“ ” " counted together): 92 of
the 214. The kept go in the order of sha256("stop79-ukaus:" + url) (hex, ascending), and are
taken down that order until 20 are taken, skipping one whose site already has three. Each is
named by its site's short name (lower case, the first of `SITE_SUFFIXES` it ends with
dropped, then its last label, cut to a-z and 0-9: nine, itnews), the first four characters
of its `published` (2020) and at most five words of its headline (lower case, the
apostrophes ' and ’ dropped, the runs of a-z and 0-9 its words), joined by hyphens
(nine-2020-clarke-gayford-jokes-he-is); "-2", "-3" ... after a name taken before (none of
the 20 is). The same helper labelled them (quote_start_words, speaker, debatable, as
tests/data/quotes/BRIEF.md asks); the labels are committed in
tests/data/quotes/webz1_labels.json, the texts never. Two of the 20 are left out of the set
(18 articles), a label of each matching no quotation found:
healthtimes-2020-south-australia-will-go-into, one block whose lost paragraph breaks leave
marks glued to words (`tracks."We've got`: a mark that looks like a closing one opens the
next passage), and nine-2020-2gbs-ben-fordham-comes-to, whose first paragraph holds a stray
mark of page markup (`wear a cape"> Ben Fordham`) that opens no quotation.

The text labelled and scored is the headline on its line, then the body, one paragraph a
line (no blank line between them, as the helper wrote them), and a newline at the end. The
body is the `text` with each "\\r\\n" and "\\r" made a newline, cut at each newline, each
line stripped, the empty ones dropped; where a post's text has no line break (two of the 20)
the body is one block. Nothing else is changed (quotation marks, bylines, captions and page
leftovers kept as stored).
"""

from __future__ import annotations

import hashlib
import json
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

STEM = "webz"
BATCHES = labelled_batches(STEM, 1)  # batch -> (labels file, set's folder)
SOURCES = {
    "webz": Source("markatwork8823/news-app", "ac1c4f857cc8755a1cdbaa019e2d24653a51dfef"),
}
FILES = (  # read in this order
    "src/NewsSource/healthNews.js",
    "src/NewsSource/businessNews.js",
    "src/NewsSource/techNews.json",
)
SALT = "stop79-ukaus:"
ARTICLES = 20
PER_SITE = 3
MIN_WORDS, MAX_WORDS = 150, 1_500
MIN_MARKS = 4
NAME_WORDS = 5  # the headline's words in a name
# Sites that are a government's, an association's or a union's own pages (media releases),
# not news outlets: left out, by their names alone.
NOT_NEWS_SITES = frozenset(
    {
        "mediastatements.wa.gov.au",
        "tga.gov.au",
        "health.vic.gov.au",
        "ama.com.au",
        "psa.asn.au",
        "unitedworkers.org.au",
        "ruralhealth.org.au",
        "mtaa.org.au",
    }
)
# the first a site ends with is dropped from its short name
SITE_SUFFIXES = (
    *(".com.au", ".net.au", ".org.au", ".asn.au", ".gov.au", ".co.nz"),
    *(".com", ".live", ".net", ".org"),
)
_EXPORT = re.compile(r"^\s*export\s+default\s+")
_NAME = re.compile(r"[A-Za-z_$][\w$]*")
_SPACE = " \t\r\n"
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_NOT_SITE = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z0-9]+")

Post = dict[str, object]


def set_name(number: int) -> str:
    """The `bench.quotes` set of a batch: webz-quotes (there is one batch)."""
    return batch_set_name(STEM, number)


def _js_string(source: str, at: int) -> tuple[str, int]:
    """The JavaScript string literal opening at `source[at]` (its quote), and the index after
    it: the escapes \\n \\t \\r \\b \\f \\v \\0, \\uXXXX and \\xXX decoded, a backslash before
    a newline dropped with it (a continued line), any other escaped character kept."""
    quote, at, out = source[at], at + 1, []
    while source[at] != quote:
        if source[at] != "\\":
            out.append(source[at])
            at += 1
            continue
        escaped = source[at + 1]
        if escaped in _ESCAPES:
            out.append(_ESCAPES[escaped])
            at += 2
        elif escaped == "u":
            out.append(chr(int(source[at + 2 : at + 6], 16)))
            at += 6
        elif escaped == "x":
            out.append(chr(int(source[at + 2 : at + 4], 16)))
            at += 4
        elif escaped == "\n":
            at += 2
        else:
            out.append(escaped)
            at += 2
    return "".join(out), at + 1


def _next_visible(source: str, at: int) -> str:
    """The first character of `source` from `at` that is no space, tab or line break ("")."""
    while at < len(source) and source[at] in _SPACE:
        at += 1
    return source[at] if at < len(source) else ""


def js_value(source: str) -> object:
    """The value of a JavaScript module whose only statement is `export default` a literal
    (as prettier writes one: bare or quoted keys, strings in ' or ", numbers, null, true,
    false, trailing commas), made JSON token by token and read as JSON."""
    source = _EXPORT.sub("", source.strip()).rstrip().rstrip(";")
    parts: list[str] = []
    at = 0
    while at < len(source):
        char = source[at]
        if char in "'\"":
            value, at = _js_string(source, at)
            parts.append(json.dumps(value, ensure_ascii=False))
        elif char.isalpha() or char in "_$":
            match = _NAME.match(source, at)
            assert match is not None, source[at : at + 20]
            word, at = match.group(), match.end()
            is_key = _next_visible(source, at) == ":" and word not in ("null", "true", "false")
            parts.append(json.dumps(word) if is_key else word)
        elif char == "," and _next_visible(source, at + 1) in ("}", "]"):
            at += 1  # a trailing comma
        else:
            parts.append(char)
            at += 1
    return json.loads("".join(parts))


def posts_of(repository: Repository) -> list[Post]:
    """Every post of the FILES, in order: a .js file's `posts`, a .json file's blocks' `posts`
    one after another."""
    posts: list[Post] = []
    for path in FILES:
        raw = repository.read(path).decode("utf-8")
        data = json.loads(raw) if path.endswith(".json") else js_value(raw)
        blocks = data if isinstance(data, list) else [data]
        for block in blocks:
            posts.extend(block["posts"])
    return posts


def paragraphs_of(text: str) -> list[str]:
    """A post's `text` cut at its line breaks ("\\r\\n", "\\r", "\\n"), each line stripped,
    the empty ones dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.strip() for line in lines if line.strip()]


def text_of(title: str, paragraphs: list[str]) -> str:
    """The article as labelled: the headline on its line, then one paragraph a line."""
    return title.strip() + "\n" + "\n".join(paragraphs) + "\n"


def site_short(site: str) -> str:
    """A site's short name: lower case, the first of SITE_SUFFIXES it ends with dropped, then
    its last label cut to a-z and 0-9 (honey.nine.com.au -> nine)."""
    site = site.lower()
    for suffix in SITE_SUFFIXES:
        if site.endswith(suffix):
            site = site.removesuffix(suffix)
            break
    return _NOT_SITE.sub("", site.split(".")[-1])


def name_of(site: str, published: str, title: str, used: set[str]) -> str:
    """An article's name: its site's short name, the year (the first four characters of
    `published`) and the first five words of its headline (lower case, apostrophes dropped,
    runs of a-z and 0-9), joined by hyphens, "-2", "-3" ... after a name in `used`; the name is
    added to `used`."""
    words = _WORD.findall(title.lower().replace("\u2019", "").replace("'", ""))
    base = "-".join([site_short(site), published[:4], *words[:NAME_WORDS]])
    name, number = base, 2
    while name in used:
        name, number = f"{base}-{number}", number + 1
    used.add(name)
    return name


def chosen(repository: Repository) -> list[Page]:
    """The set's 20 articles, (name, text), by the rule of the module's docstring."""
    seen_urls: set[str] = set()
    seen_titles: set[str] = set()
    kept = []  # (the url's sha256, site, published, title, paragraphs)
    for post in posts_of(repository):
        thread = post["thread"]
        assert isinstance(thread, dict)
        url = str(post.get("url") or thread["url"])
        title = str(post.get("title") or "").strip()
        if url in seen_urls or title.lower() in seen_titles:
            continue
        seen_urls.add(url)
        seen_titles.add(title.lower())
        site = str(thread["site"])
        if post.get("language") != "english" or site in NOT_NEWS_SITES:
            continue
        paragraphs = paragraphs_of(str(post.get("text") or ""))
        body = "\n".join(paragraphs)
        if MIN_WORDS <= len(body.split()) <= MAX_WORDS and double_marks(body) >= MIN_MARKS:
            digest = hashlib.sha256(f"{SALT}{url}".encode()).hexdigest()
            kept.append((digest, site, str(post.get("published") or ""), title, paragraphs))
    kept.sort(key=lambda candidate: candidate[0])
    taken: list[Page] = []
    per_site: dict[str, int] = {}
    used: set[str] = set()
    for _, site, published, title, paragraphs in kept:
        if per_site.get(site, 0) >= PER_SITE:
            continue
        per_site[site] = per_site.get(site, 0) + 1
        taken.append((name_of(site, published, title, used), text_of(title, paragraphs)))
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
        "convert_webz_quotes",
        STEM,
        __doc__.splitlines()[0],
        BATCHES,
        chosen_from,
    )


if __name__ == "__main__":
    raise SystemExit(main())
