"""Where each block of a story sits in its web page, and what the page says about it.

A block's text is found again in the page (all whitespace ignored, so a dateline glued to its
first word still matches) and described by what holds on any site: how much of it is link
text, the class and id words of the elements around it ("related", "newsletter", "promo"),
whether it is an image caption, and whether it lies outside the element that holds most of
the story. `reader.library.cleaning` decides what to do with this; nothing here removes or
changes text.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Any

from reader.library.page_text import BLOCK_TAGS, PARAGRAPH, Block, readable

_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "svg"})
_SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


def squeeze(text: str) -> str:
    """Text without any whitespace, readable (`page_text.readable`) and case-folded: how a
    block is matched to the page."""
    return readable(_SPACE.sub("", text)).casefold()


@dataclass(frozen=True)
class Place:
    """A block found in the page: its element, the share of it that is link text, the class
    and id words of the elements around it, and whether it is inside the story's element."""

    element: Any
    span: tuple[int, int]
    link_share: float
    words: frozenset[str]
    inside: bool
    caption: bool
    links: int = 0  # how many links (distinct <a> elements) its text is in


class PageIndex:
    """The visible text of a page without whitespace, each character traced to its element."""

    def __init__(self, tree: Any) -> None:
        self._starts: list[int] = []
        self._owners: list[Any] = []
        self._linked: list[bool] = []
        self._breaks: set[int] = set()  # where a line breaks: a block element starts or ends
        parts: list[str] = []
        self._size = 0

        def add(text: str | None, owner: Any, linked: bool) -> None:
            squeezed = squeeze(text or "")
            if squeezed:
                self._starts.append(self._size)
                self._owners.append(owner)
                self._linked.append(linked)
                parts.append(squeezed)
                self._size += len(squeezed)

        def walk(element: Any, linked: bool) -> None:
            tag = element.tag.lower() if isinstance(element.tag, str) else ""
            if not tag or tag in _SKIPPED:
                return
            # (an <a> with no href is a jump target, `<a name="part2">`, not a link; nor is
            # one to itself, a heading's permalink `<h2 id="x"><a href="#x">`)
            linked = linked or (
                tag == "a" and element.get("href") is not None and not _to_itself(element)
            )
            block = tag in BLOCK_TAGS
            if block:
                self._breaks.add(self._size)
            add(element.text, element, linked)
            for child in element:
                walk(child, linked)
                add(child.tail, element, linked)
            if block:
                self._breaks.add(self._size)

        body = tree.find(".//body")
        walk(body if body is not None else tree, False)
        self.text = "".join(parts)

    def find(self, block: Block, near: tuple[int, int] | None = None) -> tuple[int, int] | None:
        """The span of the page text that is this block; the one nearest `near` when the
        text occurs more than once (the earlier of two as near).

        Searched outwards from `near`, not from the page's start: a page of 20,000 short
        paragraphs had each one's text looked for from the top (1.6 MB: over two minutes)."""
        key = squeeze(block.text)
        if not key:
            return None
        text = self.text
        if near is None:
            at = text.find(key)
            return (at, at + len(key)) if at >= 0 else None
        middle = (near[0] + near[1]) / 2
        pivot = math.ceil(middle)
        after = text.find(key, pivot)
        # an occurrence starting before the pivot is nearer only within the same distance
        floor = max(0, math.floor(2 * middle - after)) if after >= 0 else 0
        before = text.rfind(key, floor, pivot - 1 + len(key))
        if before >= pivot:
            before = -1
        found = [at for at in (before, after) if at >= 0]
        if not found:
            return None
        best = min(found, key=lambda at: (abs(at - middle), at))
        return best, best + len(key)

    def flows_on(self, first: tuple[int, int], second: tuple[int, int]) -> bool:
        """Whether the second span follows the first in the page with no line break between:
        one paragraph of the page."""
        return first[1] == second[0] and first[1] not in self._breaks

    def count(self, block: Block) -> int:
        """How many times the block's text occurs in the page."""
        key = squeeze(block.text)
        return self.text.count(key) if key else 0

    def owners(self, span: tuple[int, int]) -> list[tuple[Any, int, bool]]:
        """The elements whose text makes up a span: (element, characters, inside a link)."""
        start, end = span
        index = max(0, bisect_right(self._starts, start) - 1)
        out: list[tuple[Any, int, bool]] = []
        while index < len(self._starts) and self._starts[index] < end:
            seg_start = self._starts[index]
            seg_end = self._starts[index + 1] if index + 1 < len(self._starts) else self._size
            chars = min(end, seg_end) - max(start, seg_start)
            if chars > 0:
                out.append((self._owners[index], chars, self._linked[index]))
            index += 1
        return out


# --- the element that holds the story ---------------------------------------------------------


def _to_itself(anchor: Any) -> bool:
    """Whether a link points at itself or at its parent (`href="#x"`, the link or its parent
    with id or name "x"): a heading's permalink, which leads nowhere else."""
    href = anchor.get("href") or ""
    if len(href) < 2 or not href.startswith("#"):
        return False
    target, element = href[1:], anchor
    for _ in range(_PERMALINK_DEPTH):
        if element is None:
            return False
        if target in (element.get("id"), element.get("name")):
            return True
        element = element.getparent()
    return False


_PERMALINK_DEPTH = 2  # the link and its parent (the heading; not a container: "skip to top")


def _ancestors(element: Any) -> list[Any]:
    out = []
    while element is not None:
        out.append(element)
        element = element.getparent()
    return out


def _common_ancestor(elements: list[Any]) -> Any:
    common = _ancestors(elements[0])
    for element in elements[1:]:
        chain = set(map(id, _ancestors(element)))
        common = [a for a in common if id(a) in chain]
    return common[0] if common else None


def story_element(spans: list[tuple[Any, int]]) -> Any:
    """The deepest element holding four fifths of the story's located text (in at least half
    of its blocks): the element trafilatura chose, in effect."""
    chars: Counter[int] = Counter()
    blocks: Counter[int] = Counter()
    by_id: dict[int, Any] = {}
    for element, size in spans:
        for ancestor in _ancestors(element):
            chars[id(ancestor)] += size
            blocks[id(ancestor)] += 1
            by_id[id(ancestor)] = ancestor
    total = sum(size for _, size in spans)
    if not total:
        return None
    wanted = [
        by_id[key]
        for key in chars
        if chars[key] >= 0.8 * total and blocks[key] >= max(1, len(spans) // 2)
    ]
    return max(wanted, key=lambda element: len(_ancestors(element)), default=None)


# --- what the class and id words say -------------------------------------------------------------

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TOKEN = re.compile(r"[a-z0-9]+")


def class_words(element: Any) -> set[str]:
    """The words of an element's class and id: "relatedStories col-2" → related, stories."""
    raw = f"{element.get('class') or ''} {element.get('id') or ''}"
    return set(_TOKEN.findall(_CAMEL.sub(" ", raw).lower()))


def _tag(element: Any) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def locate(blocks: list[Block], tree: Any) -> tuple[list[Place | None], PageIndex, Any]:
    """Each block's place in the page (None when its text is not found there), the page's
    text index, and the element that holds the story (None if no block was found)."""
    index = PageIndex(tree)
    spans = _spans(blocks, index)
    owners = [index.owners(span) if span else [] for span in spans]
    main_parts = [
        (_common_ancestor([o for o, _, _ in parts]), sum(c for _, c, _ in parts))
        for parts in owners
        if parts
    ]
    main = story_element(main_parts)
    # (the list keeps the elements alive: lxml makes a new Python object for an element each
    # time it is reached, and a freed one's id() may be given to another element's object)
    main_ancestors = _ancestors(main) if main is not None else []
    main_chain = set(map(id, main_ancestors))
    places: list[Place | None] = []
    for span, parts in zip(spans, owners, strict=True):
        if not parts or span is None:
            places.append(None)
            continue
        element = _common_ancestor([o for o, _, _ in parts])
        total = sum(c for _, c, _ in parts)
        linked = sum(c for _, c, is_link in parts if is_link)
        chain = _ancestors(element)
        inside = main is None or any(a is main for a in chain)
        words: set[str] = set()
        caption = False
        for ancestor in chain:
            if id(ancestor) in main_chain:
                break  # the story's element and above: their words describe the whole page
            words |= class_words(ancestor)
            caption = caption or _tag(ancestor) in ("figcaption", "caption")
        share = linked / total if total else 0.0
        anchors = [_link_of(o) for o, _, is_link in parts if is_link]  # (kept alive)
        links = len({id(anchor) for anchor in anchors if anchor is not None})
        places.append(Place(element, span, share, frozenset(words), inside, caption, links))
    return places, index, main


# A paragraph longer than any headline, byline or label (`cleaning.FURNITURE_MAX_WORDS`).
PROSE_WORDS = 20


def _spans(blocks: list[Block], index: PageIndex) -> list[tuple[int, int] | None]:
    """Where each block is in the page text: a block whose text occurs more than once is
    the occurrence nearest the block before it. The blocks before the first one that occurs
    once had none to go by: a paragraph of prose among them is the occurrence nearest the
    block after it (a share box or summary above the story repeats its first paragraph word
    for word); a short line stays the first occurrence (a label or headline repeated in a
    menu or a breadcrumb, where the page shows it as navigation)."""
    spans: list[tuple[int, int] | None] = []
    last: tuple[int, int] | None = None
    for block in blocks:
        span = index.find(block, near=last)
        spans.append(span)
        last = span or last
    once = next(
        (at for at, block in enumerate(blocks) if spans[at] and index.count(block) == 1), None
    )
    if once is None:
        return spans
    after = spans[once]
    for at in range(once - 1, -1, -1):
        block = blocks[at]
        if spans[at] is not None and _prose(block) and after is not None:
            spans[at] = index.find(block, near=after)
            after = spans[at]
    return spans


def _prose(block: Block) -> bool:
    return block.kind == PARAGRAPH and len(block.text.split()) > PROSE_WORDS


def _link_of(element: Any) -> Any:
    """The <a> element a piece of link text is in (None if none is found)."""
    while element is not None and _tag(element) != "a":
        element = element.getparent()
    return element


_CAPTION_TAGS = frozenset({"figcaption", "caption"})


# The classes of text kept for screen readers only ("Image caption", "Media playback is
# unsupported on your device"): labels, not what the caption says.
_SCREEN_READER_ONLY = frozenset({"off-screen", "offscreen", "visually-hidden", "sr-only"})


def _shown_text(element: Any) -> str:
    """An element's text without what only screen readers are given (nor comments), each
    part spaced; read without recursion (a page may nest elements thousands deep)."""
    parts: list[str] = []
    stack: list[Any] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        if not isinstance(node.tag, str) or _screen_reader_only(node):
            continue
        if node.text:
            parts.append(node.text)
        for child in reversed(node):
            if child.tail:
                stack.append(child.tail)
            stack.append(child)
    return " ".join(parts)


def _screen_reader_only(element: Any) -> bool:
    classes = (element.get("class") or "").lower().split()
    return any(c in _SCREEN_READER_ONLY for c in classes)


def captions_in(element: Any) -> list[str]:
    """The image captions inside an element (the story's): `figcaption`s and elements
    whose class or id says caption, in page order, each once. An element whose class says
    caption but holds a figcaption, or stands in a figure that has one, is not one (a figure
    "has-caption"; a video player's "__caption": "Media playback is unsupported …"), and
    what only screen readers are given ("Image caption") is not a caption's text."""
    found: list[str] = []
    if element is None:
        return found
    holding, captioned = _holding_figcaptions(element)
    seen: set[str] = set()  # (a list searched for each: 60,000 captions took 61 s)
    for candidate in element.iter():
        if not isinstance(candidate.tag, str):
            continue
        tagged = _tag(candidate) in _CAPTION_TAGS
        if tagged or "caption" in class_words(candidate):
            above = _ancestors(candidate.getparent())
            if any(_tag(a) in _CAPTION_TAGS for a in above):
                continue  # inside a caption already taken whole
            if not tagged and (
                candidate in holding
                or _tag(candidate) in _TABLE_CELLS  # (a table's "caption" column: its data)
                or next((a in captioned for a in above if _tag(a) == "figure"), False)
            ):
                continue
            text = " ".join(readable(_shown_text(candidate)).split())
            if text and text not in seen and len(text.split()) <= 80:
                seen.add(text)
                found.append(text)
    return found


def _holding_figcaptions(element: Any) -> tuple[set[Any], set[Any]]:
    """The elements inside `element` that hold a figcaption or a table's caption (each
    marked once, whatever the page's nesting), and the figures whose own caption one is
    (its nearest figure: a gallery holding captioned figures has none of its own)."""
    holding: set[Any] = set()
    captioned: set[Any] = set()
    for caption in element.iter("figcaption", "caption"):
        parent = caption.getparent()
        nearest = True
        while parent is not None and parent not in holding:
            holding.add(parent)
            if nearest and _tag(parent) == "figure":
                captioned.add(parent)
                nearest = False
            if parent is element:
                break
            parent = parent.getparent()
        if nearest and parent is not None and _tag(parent) == "figure":
            captioned.add(parent)  # (met marked already: its nearest figure is this one)
    return holding, captioned


_TABLE_CELLS = frozenset({"td", "th", "tr"})
