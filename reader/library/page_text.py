"""The text of a web page as blocks: what trafilatura kept, or every visible line of the page.

`story_blocks(body)` turns trafilatura's XML body into paragraphs, subheadings, block quotes,
list items and table rows, keeping every word trafilatura kept (loose text between its
paragraphs included), so that Reader starts from exactly trafilatura's story.
`page_blocks(tree)` is all the visible text of a page, one block per HTML block element
(`reader add --raw`). `lift_embedded_posts(tree)` turns embedded social posts into plain
block quotes before extraction. Nothing here decides what is story and what is not:
`reader.library.cleaning` does.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# The kinds of block a story keeps.
PARAGRAPH, HEADING, QUOTE, ITEM, ROW = "p", "h", "quote", "item", "row"


@dataclass(frozen=True)
class Block:
    """One block of a story: a paragraph, a subheading, a block quote or a list item."""

    kind: str
    text: str


def one_line(text: str) -> str:
    return " ".join(text.split())


# Invisible hints a page may hold inside words: soft hyphens (where a line may break),
# zero-width spaces and word joiners. A reader never sees them, but they split words for a
# search, a quote match or a count; trafilatura's own text drops them too.
_HINTS = re.compile("[\u00ad\u200b\u2060]")


def readable(text: str) -> str:
    """Text as a reader sees it: the invisible hints above removed and the characters
    composed (NFC: "u" and a combining diaeresis become "ü", the same letter), so that the
    same words published two ways are one text."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _HINTS.sub("", text))


# --- trafilatura's body ---------------------------------------------------------------------

# trafilatura's XML: these elements are blocks of their own kind; `lb` breaks a line; the
# containers (div, list, table, row, cell, ...) only separate blocks; anything else (hi,
# ref, del, code spans) is inline text.
_BLOCK_KINDS = {"p": PARAGRAPH, "head": HEADING, "quote": QUOTE, "item": ITEM}
_CONTAINERS = frozenset({"div", "list", "table", "row", "cell", "figure", "note", "doc", "body"})
_STRUCTURE = ("p", "head", "quote", "list", "table", "div", "lb")


_BLANK_LINE = re.compile(r"\n[ \t\r\u00a0]*\n")


class _Lines:
    """Text gathered into blocks: `add` appends words, `end` closes the current block."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._kind = PARAGRAPH

    def add(self, text: str | None, kind: str) -> None:
        if text:
            if not self._parts:
                self._kind = kind
            self._parts.append(text)

    def end(self) -> None:
        # A blank line inside one element's text parts paragraphs: pages whose <P> tags are
        # never closed reach trafilatura's body as one paragraph with blank lines in it.
        for piece in _BLANK_LINE.split("".join(self._parts)):
            line = one_line(readable(piece))
            if line and not unreadable_bytes(line):
                self.blocks.append(Block(self._kind, line))
        self._parts = []


def unreadable_bytes(line: str) -> bool:
    """Whether a block is mostly replacement characters: bytes no encoding reads (binary
    data after a page's first 64 KB, which the judgement of a page's bytes does not read,
    came out as a paragraph of "���"), not text."""
    replaced = line.count("\ufffd")
    return replaced > 1 and replaced * 5 > len(line)


def story_blocks(body: Any) -> list[Block]:
    """Paragraphs, subheadings, block quotes, list items and table rows of trafilatura's XML
    body, with every word of it: loose text and tails included."""
    lines = _Lines()
    _walk(body, lines, PARAGRAPH)
    lines.end()
    return lines.blocks


def _walk(element: Any, lines: _Lines, kind: str) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "lb":
        lines.end()
        return
    if tag == "row" and _is_data_row(element):
        lines.end()
        cells = (one_line(_inline_text(cell)) for cell in element.iter("cell"))
        lines.add(" | ".join(cell for cell in cells if cell), ROW)
        lines.end()
        return
    block = tag in _BLOCK_KINDS
    if block or tag in _CONTAINERS:
        lines.end()
    if block and kind not in (QUOTE, ITEM):  # a paragraph of a quote is the quote's
        kind = _BLOCK_KINDS[tag]
    lines.add(element.text, kind)
    for child in element:
        _walk(child, lines, kind)
        lines.add(child.tail, kind)
    if block or tag in _CONTAINERS:
        lines.end()


def _is_data_row(row: Any) -> bool:
    """A table row of data (its cells on one line), not a layout table's row of blocks."""
    return not any(cell.find(f".//{tag}") is not None for cell in row for tag in _STRUCTURE)


def _inline_text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        parts += [" ", _inline_text(child), " ", child.tail or ""]
    return "".join(parts)


# --- the whole page ---------------------------------------------------------------------------

# HTML elements that start a new line.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "br",
    }
)
_HTML_KINDS = {"h1": HEADING, "h2": HEADING, "h3": HEADING, "h4": HEADING, "h5": HEADING}
_HTML_KINDS |= {"h6": HEADING, "blockquote": QUOTE, "li": ITEM}
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title", "svg"})


def page_blocks(tree: Any) -> list[Block]:
    """Every visible line of a page, one block per HTML block element (`--raw`)."""
    lines = _Lines()
    body = tree.find(".//body")
    _walk_html(body if body is not None else tree, lines, PARAGRAPH)
    lines.end()
    return lines.blocks


def _walk_html(element: Any, lines: _Lines, kind: str) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in _INVISIBLE or not tag:
        return
    block = tag in BLOCK_TAGS
    if block:
        lines.end()
        kind = _HTML_KINDS.get(tag, kind if kind == QUOTE else PARAGRAPH)
    lines.add(element.text, kind)
    for child in element:
        _walk_html(child, lines, kind)
        lines.add(child.tail, kind)
    if block:
        lines.end()


# --- before extraction ----------------------------------------------------------------------

# Embedded posts are block quotes their network marks by class: a tweet, an Instagram,
# TikTok, Threads, Bluesky, Mastodon, Reddit, Facebook or Tumblr post, a generic "embed".
_POST_CLASS = re.compile(
    r"tweet|twitter|instagram|tiktok|threads|text-post|bluesky|mastodon|reddit|fb-|facebook"
    r"|tumblr|imgur|embed|social",
    re.IGNORECASE,
)


def lift_embedded_posts(tree: Any) -> Any:
    """Embedded social posts as plain block quotes: a post a story quotes is a quotation, but
    its widget wrapper ("tweet", "embed", "social") reads to the extractor as clutter."""
    from lxml.html import builder

    for post in list(tree.iter("blockquote")):
        if not _POST_CLASS.search(post.get("class") or ""):
            continue
        text = one_line(post.text_content())
        outer = post
        parent = outer.getparent()
        while parent is not None and parent.getparent() is not None:
            if one_line(parent.text_content()) != text:
                break
            outer, parent = parent, parent.getparent()
        if parent is None or not text:
            continue
        lines = [one_line(p.text_content()) for p in post.xpath(".//p")]
        rest = text
        for line in lines:
            rest = rest.replace(line, "", 1)
        lines = [line for line in (*lines, one_line(rest)) if line]
        quote = builder.BLOCKQUOTE(*[builder.P(line) for line in lines])
        quote.set(_POST_MARK, "")
        quote.tail = outer.tail
        parent.replace(outer, quote)
    return tree


_POST_MARK = "data-reader-post"  # a block quote `lift_embedded_posts` made of a post


def without_embedded_posts(tree: Any) -> Any:
    """The page without the posts it quotes (a copy; the tree itself when it quotes none):
    a quoted post's date ("— Lena Brooks (@lenabrooks) March 3, 2025") is not the page's."""
    marked = f"//blockquote[@{_POST_MARK}]"
    if not tree.xpath(marked):
        return tree
    from copy import deepcopy

    copy = deepcopy(tree)
    for post in copy.xpath(marked):
        parent, tail = post.getparent(), post.tail
        if tail:  # (the text after the post stays)
            previous = post.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(post)
    return copy
