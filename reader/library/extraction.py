"""A web page cleaned to its story: headline, byline, date, the story's blocks, captions.

`clean_page(html, url)` runs trafilatura (the reference open-source extractor; reader
comments left out), keeps every block it finds (paragraphs, subheadings, block quotes, list
items, table rows) and then runs Reader's pass over them (`reader.library.cleaning`), which
removes a block only on evidence from the page or the library and records why. Two other
cleanings are there for a user who misses a paragraph: `TRAFILATURA` (trafilatura's text,
no pass) and `RAW` (every visible line of the page).

The quotation marks and every character of the story are kept as published. Nothing here
touches the network or the library folder: `reader.library.adding` does.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from reader.core.text import clean_line, normalise
from reader.library.cleaning import Removal, clean_blocks, words
from reader.library.fetching import MAX_BYTES
from reader.library.headline import first_sentence, headline, site_name
from reader.library.page_byline import bylined_author, cleaned_author, is_byline
from reader.library.page_dates import is_date_line, published_date, stated_date
from reader.library.page_encoding import PageBytesError, page_text
from reader.library.page_text import (
    HEADING,
    ITEM,
    PARAGRAPH,
    QUOTE,
    ROW,
    Block,
    lift_embedded_posts,
    page_blocks,
    story_blocks,
    without_embedded_posts,
)

__all__ = [
    "HEADING",
    "ITEM",
    "PARAGRAPH",
    "QUOTE",
    "ROW",
    "Block",
    "CleanArticle",
    "ExtractionError",
    "Page",
    "Removal",
    "clean_page",
    "read_page",
    "story",
]

# How a story was cleaned (`CleanArticle.cleaning`, `reader add --json`).
READER = "trafilatura+reader"  # trafilatura, then Reader's pass
TRAFILATURA = "trafilatura"  # trafilatura alone (asked for, or the pass declined)
RAW = "raw"  # every visible line of the page
TEXT = "text"  # a text or Markdown file: nothing to clean
CLEANINGS = (READER, TRAFILATURA, RAW)


class ExtractionError(Exception):
    """A page with no article in it; the message is one line for the user. `raw_helps`:
    whether all the page's text (`--raw`) could still give one (not for a binary file)."""

    def __init__(self, message: str, raw_helps: bool = True) -> None:
        super().__init__(message)
        self.raw_helps = raw_helps


@dataclass
class CleanArticle:
    """A web page's story, what is known about it, and how it was cleaned: `removed` lists
    what Reader's pass took out and why; `note` says why the pass was not applied."""

    title: str
    blocks: list[Block]
    author: str = ""
    site: str = ""
    published: str = ""
    url: str = ""
    description: str = ""
    captions: list[str] = field(default_factory=list)
    cleaning: str = TEXT
    removed: list[Removal] = field(default_factory=list)
    # Paragraphs of the page trafilatura left out of its text (`left_out_paragraphs`):
    # what --show-removed lists beside Reader's own removals
    left_out: list[str] = field(default_factory=list)
    note: str = ""
    spared: list[Removal] = field(default_factory=list)  # what the pass would have removed
    extracted: list[str] = field(default_factory=list)  # trafilatura's blocks (site memory)

    @property
    def body_text(self) -> str:
        """The story as plain text, blocks separated by blank lines (what is scored)."""
        return "\n\n".join(block.text for block in self.blocks)


@dataclass
class Page:
    """A web page read and run through trafilatura once; `story` cleans it any way."""

    tree: Any
    document: Any
    found: list[Block]  # trafilatura's blocks: every word it kept
    url: str | None = None
    elements: int = 0  # (over `MOST_ELEMENTS`: trafilatura was not run, `document` is None)

    @property
    def found_texts(self) -> list[str]:
        return [block.text for block in self.found]


def read_page(html: str | bytes, url: str | None = None) -> Page:
    """Parse a page and run trafilatura on it; raises `ExtractionError` if it is not HTML."""
    import trafilatura  # imported here: only adding web pages needs it (and lxml)

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.ERROR)  # their notes are not the user's
    if isinstance(html, bytes):
        try:
            # (decompressed, a page is bounded as a fetched one is; escape sequences go below)
            html = page_text(html, MAX_BYTES)
        except PageBytesError as error:
            raise ExtractionError(str(error), raw_helps=False) from None
    if "\x1b" in html or "\x9b" in html or "\x9d" in html:
        html = normalise(html)  # (line breaks and text kept: only sequences and controls go)
    if "&#" in html:
        # "&#12;" in a paragraph made trafilatura discard the page's whole text ("no story
        # text"): a control character written as a reference goes, as typed ones do
        html = _CONTROL_REFERENCE.sub("", html)
    if _crowded_tag(html):
        raise ExtractionError(
            f"not a news page: one of its tags holds over {MOST_ATTRIBUTES:,} attributes"
        )
    tree = trafilatura.load_html(html)
    if tree is None and _fragment(
        html[:512] if isinstance(html, str) else html[:512].decode("latin-1")
    ):
        tree = trafilatura.load_html(_wrapped(html))  # a page saved without <html> around it
    if tree is None:
        raise ExtractionError("not a web page (no HTML could be read from it)", raw_helps=False)
    tree = lift_embedded_posts(tree)
    elements = sum(1 for _ in tree.iter())
    if elements > MOST_ELEMENTS:
        # trafilatura reads such a page in time growing with its square (its search for the
        # paragraphs' text: 100,000 paragraphs, 1.3 MB, took 22 s a search, 10 MB hours): it
        # is not run, and only all of the page's text (`--raw`) can be taken from it
        return Page(tree, None, [], url, elements=elements)
    document: Any = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        with_metadata=True,
        # On a page of very many elements, trafilatura's fallback extractors (justext's
        # neighbours) take time growing with their square: a crafted 7.6 MB page of 40,000
        # figures took over two minutes. Such a page is read by its main extractor alone.
        fast=elements > MOST_ELEMENTS_FOR_FALLBACK,
        # Its date is not used (`published_date` reads the page's own): without the
        # extensive search, a process's first page costs no two seconds of dateparser.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(document, "body", None)
    return Page(tree, document, story_blocks(body) if body is not None else [], url, elements)


# The most elements a page may hold for trafilatura's fallback extractors to run on it, and
# for trafilatura to run on it at all (a long news page holds 3,000-15,000: the largest of
# the 2,826 pages of the benchmark sets, 11,533).
MOST_ELEMENTS_FOR_FALLBACK = 30_000
MOST_ELEMENTS = 50_000
# A control character (not a tab or a line break) written as a character reference.
_CONTROL_REFERENCE = re.compile(
    r"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));"
)
# The most attributes one tag may hold: HTML's parser and trafilatura's date search read a
# tag's attributes in time that grows with their square (500,000 on one tag: hours).
MOST_ATTRIBUTES = 1_000
_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_ATTRIBUTE = re.compile(r"\s[A-Za-z_:][-\w:.]*\s*=")  # (not a URL's "?a=b" in a value)


def _crowded_tag(html: str | bytes) -> bool:
    """Whether a tag of the page holds over `MOST_ATTRIBUTES` attributes."""
    text = html.decode("latin-1") if isinstance(html, bytes) else html  # (ASCII is enough)
    if text.count("=") <= MOST_ATTRIBUTES:
        return False  # (most pages: one count, no search)
    return any(
        tag.group().count("=") > MOST_ATTRIBUTES
        and len(_ATTRIBUTE.findall(tag.group())) > MOST_ATTRIBUTES
        for tag in _TAG.finditer(text)
    )


# A page that starts with an element, not with <html> or a doctype (a part of a page saved
# alone): trafilatura does not take it for HTML, but it reads it wrapped in <html><body>.
_ELEMENT_START = re.compile(r"<[a-zA-Z][a-zA-Z0-9]*[\s>/]")


def _fragment(start: str) -> bool:
    """Whether a page's start is an element's, past a byte-order mark, blanks and comments
    (each comment skipped to its end once: a pattern that could end a comment at any later
    "-->" took 2^n steps on n empty comments, and a 500-byte page never finished)."""
    at = 1 if start.startswith("\ufeff") else 0
    while True:
        while at < len(start) and start[at].isspace():
            at += 1
        if not start.startswith("<!--", at):
            return _ELEMENT_START.match(start, at) is not None
        end = start.find("-->", at + 4)
        if end < 0:
            return False
        at = end + 3


def _wrapped(html: str | bytes) -> str | bytes:
    if isinstance(html, bytes):
        return b"<html><body>" + html + b"</body></html>"
    return f"<html><body>{html}</body></html>"


def clean_page(
    html: str | bytes,
    url: str | None = None,
    cleaning: str = READER,
    seen_elsewhere: Callable[[str], int] | None = None,
) -> CleanArticle:
    """The story of a web page, cleaned as `cleaning` says (see `story`)."""
    return story(read_page(html, url), cleaning, seen_elsewhere)


def story(
    page: Page, cleaning: str = READER, seen_elsewhere: Callable[[str], int] | None = None
) -> CleanArticle:
    """A page's story, cleaned as `cleaning` says; raises `ExtractionError` when trafilatura
    finds no story text, or finds very little in a page whose metadata does not call it an
    article. `seen_elsewhere(text)`: on how many other pages of the same site the library
    has seen a block of text (evidence of boilerplate, `reader.library.site_memory`)."""
    if cleaning not in CLEANINGS:
        raise ValueError(f"unknown cleaning {cleaning!r}; choose from {', '.join(CLEANINGS)}")
    if page.elements > MOST_ELEMENTS and cleaning != RAW:
        raise ExtractionError(
            f"not a news page: it holds {page.elements:,} elements, where a long news page "
            f"holds under 15,000 (the most Reader cleans: {MOST_ELEMENTS:,})"
        )
    document = page.document
    sites = [
        _meta(document, "sitename"),
        _meta(document, "hostname"),
        urlsplit(page.url or "").netloc,
    ]
    article = CleanArticle(
        title=headline(_meta(document, "title"), page.tree, page.found, sites),
        blocks=list(page.found),
        author=(
            cleaned_author(_meta(document, "author"), *sites) or bylined_author(page.found_texts)
        ),
        site=site_name(_meta(document, "sitename"), _meta(document, "hostname"), page.tree),
        published=published_date(
            without_embedded_posts(page.tree),
            [b.text for b in page.found if b.kind != QUOTE],  # (not a quoted post's date)
            _meta(document, "url") or None,
        ),
        url=page.url or _meta(document, "url"),
        description=_meta(document, "description"),
        cleaning=cleaning,
        extracted=page.found_texts,
    )
    if cleaning == RAW:
        article.blocks = page_blocks(page.tree)
    else:
        _refuse_if_no_article(page.found, page.tree)
        article.left_out = left_out_paragraphs(page)
        if cleaning == READER:
            cleaned = clean_blocks(page.found, page.tree, article.title, seen_elsewhere)
            article.blocks, article.captions = cleaned.blocks, cleaned.captions
            article.removed, article.note = cleaned.removed, cleaned.note
            article.spared = cleaned.spared
            article.cleaning = READER if cleaned.applied else TRAFILATURA
            if cleaned.applied:
                _without_top_metadata(article)
    if not article.blocks:
        raise ExtractionError("no text found in the page")
    if not article.title:
        article.title = clean_line(first_sentence(article.blocks))
    return article


# A paragraph of the page a reader may miss: this many words or more, ending as a sentence
# does; at most so many listed, of the first blocks read (a page of 50,000 is read no further).
_LEFT_OUT_WORDS, _LEFT_OUT_MOST, _LEFT_OUT_READ = 12, 20, 5_000
_SENTENCE_END = (".", "!", "?", '"', "”", "'", "’", ")", "。", "！", "？", "」", "』")
# A word, or one Chinese or Japanese character: those scripts put no space between words,
# and a paragraph of them was one "word", never long enough to be listed as left out.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")


def left_out_paragraphs(page: Page) -> list[str]:
    """The page's paragraphs that trafilatura's text leaves out: whole sentences of
    `_LEFT_OUT_WORDS` words or more, under half of whose four-word runs it kept (it may
    split or join paragraphs differently), in page order."""
    kept: set[tuple[str, ...]] = set()
    for text in page.found_texts:
        kept.update(_runs(text))
    found: list[str] = []
    for block in page_blocks(page.tree)[:_LEFT_OUT_READ]:
        text = " ".join(block.text.split())
        if block.kind != PARAGRAPH or len(_WORD.findall(text)) < _LEFT_OUT_WORDS:
            continue
        if not text.endswith(_SENTENCE_END):
            continue
        runs = _runs(text)
        if sum(run in kept for run in runs) * 2 < len(runs):
            found.append(text)
            if len(found) == _LEFT_OUT_MOST:
                break
    return found


def _runs(text: str) -> list[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return [tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3))]


# Where a story's byline and date line stand: among its first blocks, before a sentence of
# the story (a block of this many words or more) begins it.
_TOP_BLOCKS, _STORY_WORDS = 8, 15


def _without_top_metadata(article: CleanArticle) -> None:
    """Take out of the story's top the byline and the date line the article's author and
    date already show ("By Maya Chen and Luis Ortiz", "Updated 10:32 a.m. March 4, 2025"):
    lines that are those and nothing else, and say that author and that date (a timeline's
    "March 1, 2025" or a sign's "By Order Of The Harbour Master" stay), whatever the site."""
    kept: list[Block] = []
    taken: list[Removal] = []
    top = True
    for number, block in enumerate(article.blocks):
        top = top and number < _TOP_BLOCKS and len(block.text.split()) < _STORY_WORDS
        if top and block.kind == PARAGRAPH and _the_byline(block.text, article.author):
            taken.append(Removal(block.text, "the byline, shown as the author"))
        elif top and block.kind == PARAGRAPH and _the_date_line(block.text, article.published):
            taken.append(Removal(block.text, "the date line, shown as the date"))
        else:
            kept.append(block)
    if kept and taken:  # (a page of nothing else keeps its lines)
        article.blocks = kept
        article.removed.extend(taken)


def _the_byline(line: str, author: str) -> bool:
    """Whether a line is a byline naming the article's author, and nothing more."""
    return bool(author) and is_byline(line) and bylined_author([line]) == author


def _the_date_line(line: str, published: str) -> bool:
    """Whether a line is a date line stating the article's date, and nothing more."""
    return bool(published) and is_date_line(line) and stated_date(line) == published


def page_address(page: Page) -> str:
    """Where a page says it lives: the address it was fetched from, else its own canonical
    link (a page saved from a browser)."""
    return page.url or _meta(page.document, "url")


def _meta(document: Any, name: str) -> str:
    value = getattr(document, name, None) if document is not None else None
    return clean_line(str(value)) if value else ""


# --- is it an article? ---------------------------------------------------------------------------

MIN_WORDS = 25
_ARTICLE_TYPES = re.compile(r"article|posting|report|newsarticle", re.IGNORECASE)


def _refuse_if_no_article(blocks: list[Block], tree: Any) -> None:
    """Refuse a page only when trafilatura found no story text, or found very little and the
    page's metadata does not call it an article."""
    count = sum(words(block.text) for block in blocks)
    if not count:
        raise ExtractionError("no article found in the page (trafilatura found no story text)")
    if count < MIN_WORDS and not _says_article(tree):
        raise ExtractionError(
            f"no article found in the page (under {MIN_WORDS} words of story text, "
            "and its metadata does not call it an article)"
        )


def _says_article(tree: Any) -> bool:
    """Whether the page's metadata calls it an article: og:type, or a JSON-LD @type."""
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or "").lower()
        if name == "og:type" and "article" in (meta.get("content") or "").lower():
            return True
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # (nested 100,000 deep: no metadata of ours)
            continue
        if _ARTICLE_TYPES.search(json.dumps(_types(data))):
            return True
    return False


def _types(data: Any) -> list[str]:
    """Every @type named in a JSON-LD document, however deep (a stack, not recursion: a page's
    document nested 600 deep was a traceback)."""
    found: list[str] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            kind = value.get("@type")
            found += [kind] if isinstance(kind, str) else []
            found += [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list):
            stack.extend(reversed(value))
    return found
