"""A web page cleaned to its story: headline, byline, date and the story's blocks.

`clean_page(html, url)` runs trafilatura (the reference open-source extractor) tuned for
precision, keeps the structure it finds (paragraphs, subheadings, block quotes, list items)
and then cleans what it leaves:

- promotional blocks are dropped: "Read more: …", "DON'T MISS", link lists tagged
  "[VIDEO]", "Follow us on Twitter", lines that are mostly a web address;
- the headline is not repeated in the body.

The quotation marks and every character of the story are kept as published. Nothing here
touches the network or the library: `reader.library.adding` does.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from reader.core.text import clean_line

# The kinds of block a story keeps.
PARAGRAPH, HEADING, QUOTE, ITEM, ROW = "p", "h", "quote", "item", "row"


class ExtractionError(Exception):
    """A page with no article in it; the message is one line for the user."""


@dataclass(frozen=True)
class Block:
    """One block of a story: a paragraph, a subheading, a block quote or a list item."""

    kind: str
    text: str


@dataclass
class CleanArticle:
    """A web page's story and what is known about it."""

    title: str
    blocks: list[Block]
    author: str = ""
    site: str = ""
    published: str = ""
    url: str = ""
    description: str = ""

    @property
    def body_text(self) -> str:
        """The story as plain text, blocks separated by blank lines (what is scored)."""
        return "\n\n".join(block.text for block in self.blocks)


def clean_page(html: str | bytes, url: str | None = None) -> CleanArticle:
    """The story of a web page; raises `ExtractionError` when there is none."""
    import trafilatura  # imported here: only adding web pages needs it (and lxml)

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.ERROR)  # their notes are not the user's

    tree = trafilatura.load_html(html)
    if tree is None:
        raise ExtractionError("not a web page (no HTML could be read from it)")
    document: Any = trafilatura.bare_extraction(
        lift_embedded_posts(tree),
        url=url,
        include_comments=False,
        with_metadata=True,
    )
    body = getattr(document, "body", None)
    blocks = _blocks(body) if body is not None else []
    title = clean_line(getattr(document, "title", None) or "")
    blocks = [block for block in blocks if not is_promotion(block.text)]
    blocks = _without_headline(blocks, title)
    if sum(len(block.text.split()) for block in blocks) < 25:
        raise ExtractionError("no article found in the page (under 25 words of story text)")
    if not title:
        title = blocks[0].text[:120]
    return CleanArticle(
        title=title,
        blocks=blocks,
        author=_meta(document, "author"),
        site=_meta(document, "sitename") or _meta(document, "hostname"),
        published=_meta(document, "date"),
        url=url or _meta(document, "url"),
        description=_meta(document, "description"),
    )


def _meta(document: Any, name: str) -> str:
    value = getattr(document, name, None) if document is not None else None
    return clean_line(str(value)) if value else ""


# --- before extraction ----------------------------------------------------------------------------

_EMBEDDED_POSTS = (
    '//blockquote[contains(concat(" ", normalize-space(@class), " "), " twitter-tweet ")]'
)


def lift_embedded_posts(tree: Any) -> Any:
    """Embedded social posts as plain block quotes: a tweet a story quotes is a quotation,
    but its widget wrapper ("tweet", "embed", "social") reads to the extractor as clutter."""
    from lxml.html import builder

    for post in tree.xpath(_EMBEDDED_POSTS):
        text = _one_line(post.text_content())
        outer = post
        parent = outer.getparent()
        while parent is not None and parent.getparent() is not None:
            if _one_line(parent.text_content()) != text:
                break
            outer, parent = parent, parent.getparent()
        if parent is None:
            continue
        lines = [_one_line(p.text_content()) for p in post.xpath(".//p")]
        rest = text
        for line in lines:
            rest = rest.replace(line, "", 1)
        lines = [line for line in (*lines, _one_line(rest)) if line]
        quote = builder.BLOCKQUOTE(*[builder.P(line) for line in lines])
        quote.tail = outer.tail
        parent.replace(outer, quote)
    return tree


# --- the structure trafilatura found ----------------------------------------------------------

_KINDS = {"p": PARAGRAPH, "head": HEADING, "quote": QUOTE, "item": ITEM, "row": ROW}


def _blocks(body: Any) -> list[Block]:
    """Paragraphs, subheadings, block quotes and list items of trafilatura's XML body."""
    blocks: list[Block] = []
    for element in body.iter(*_KINDS):
        if _inside_block(element):
            continue  # a paragraph of a block quote: the quote's text holds it
        if element.tag == "row":  # a table row: its cells on one line
            cells = (_one_line(_text(cell)) for cell in element.iter("cell"))
            lines = [" | ".join(cell for cell in cells if cell)]
        else:
            lines = [_one_line(line) for line in _text(element).split("\n")]
        blocks += [Block(_KINDS[element.tag], line) for line in lines if line]
    return blocks


def _text(element: Any) -> str:
    """An element's text with its line breaks (`<lb/>`) as newlines."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _KINDS:  # a paragraph of a block quote: a line of its own
            parts.append(f"\n{_text(child)}\n")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _inside_block(element: Any) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in _KINDS:
            return True
        parent = parent.getparent()
    return False


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- cleaning what the extractor leaves ---------------------------------------------------------

_LABEL = (
    r"(?:read|see|watch|listen|view)\s+(?:more|also|next|now|here)|also\s+read|more|related"
    r"|recommended|don[’']?t\s+miss|must\s+read|top\s+stories|most\s+(?:read|popular|shared)"
    r"|trending(?:\s+now)?|latest|advertisement|sponsored|editor[’']?s\s+picks?|up\s+next"
    r"|more\s+(?:from|on|stories)[^:|]{0,40}|click\s+here[^:|]{0,40}"
)
_PROMO_LABEL = re.compile(rf"^\W*(?:{_LABEL})\s*(?:[:|>»–—-]|$)", re.IGNORECASE)
_TAGGED_LINK = re.compile(r"\[(?:[A-Z][A-Z' ]{2,}|Video|Pictures|Pics|Poll)\]\s*\|?\s*$")
_FOLLOW = re.compile(
    r"^(?:follow|like|join)\b.{0,80}\b(?:on|at)\s+(?:twitter|facebook|instagram|youtube|tiktok"
    r"|linkedin|snapchat|x)\b",
    re.IGNORECASE,
)
_SIGN_UP = re.compile(
    r"^(?:sign\s+up|subscribe|get\s+our|download\s+the)\b.{0,120}"
    r"\b(?:newsletter|podcast|app|alerts?|here|free)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+|www\.\S+")
# Wire-service credits: "Reporting by …; Editing by …", "… contributed to this report."
_CREDITS = re.compile(
    r"^(?:(?:additional\s+)?reporting|writing|editing|compiled|produced)\s+by\b"
    r"|\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story)\W*$",
    re.IGNORECASE,
)
_LISTEN = re.compile(r"^(?:how\s+to\s+)?listen\s+(?:to|live|here|back|now)\b", re.IGNORECASE)


def is_promotion(text: str) -> bool:
    """Whether a block is a promotion, a link list entry or a share line, not story."""
    words = text.split()
    if not words:
        return True
    if _PROMO_LABEL.match(text) and (len(words) <= 25 or ":" in text[:25]):
        return True
    if _TAGGED_LINK.search(text) and len(words) <= 30:
        return True
    if len(words) <= 30 and (_FOLLOW.match(text) or _SIGN_UP.match(text) or _LISTEN.match(text)):
        return True
    if len(words) <= 40 and _CREDITS.search(text):
        return True
    if 6 <= len(words) <= 20 and _shouted_link(text):
        return True
    urls = sum(len(match) for match in _URL.findall(text))
    return urls > 0.4 * len(text)


def _shouted_link(text: str) -> bool:
    """A headline of another story in capitals ("SEAN SPICER ELIMINATED FROM 'DWTS'"); a
    short one ("ARGENTINA CRUISES") is more often the story's own subheading."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and text.isupper() and text.rstrip()[-1:] not in ".:"


def _without_headline(blocks: list[Block], title: str) -> list[Block]:
    """The body without the headline: a leading heading is the page's headline."""
    if blocks and blocks[0].kind == HEADING:
        return blocks[1:]
    folded = title.casefold()
    if blocks and folded and blocks[0].text.casefold() == folded:
        return blocks[1:]
    return blocks
