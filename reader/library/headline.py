"""Which line of a web page is its headline: the title a story is saved under.

A page's title (its `<title>` or `og:title`, as trafilatura reads it) is often "Headline |
Site" or "Headline - Section"; sometimes it is only the site's name, a section ("Sports"), a
timestamp, or missing. Readability (Mozilla's reader view) cuts a title at its separators;
here the cut is checked against the page's own headings (h1 to h3): a heading that is the
title, or one part of it, is the headline. A weak title (none, no letters, one or two words,
or the site's own name) gives way to the story's first line when trafilatura found a
heading there, else to the page heading that shares the most words with the story's
opening; failing both, the story's first sentence (once cleaned) is the title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from reader.core.text import clean_line
from reader.library.page_text import HEADING, PARAGRAPH, Block, one_line

# Readability's separators (with spaces around), and the dashes sites use the same way.
_SEPARATOR = re.compile(r"\s[|\-\\/>»–—·]\s")
_HIERARCHICAL = re.compile(r"\s[\\/>»]\s")
_WORD = re.compile(r"[^\W_]+")
MIN_SHARED = 2  # words a heading shares with the story's opening, to be its headline
LONGEST = 150  # characters: a longer title, or a shorter one than SHORTEST, is checked
SHORTEST = 15  # against the page's only h1 (Readability's rule)
FIRST_SENTENCE = 100  # characters of the first sentence, when nothing else names the story


def headline(title: str, tree: Any, blocks: list[Block], site_names: Iterable[str]) -> str:
    """The headline of a page whose title (from its metadata) is `title`, whose parsed HTML
    is `tree` (or None) and whose story is `blocks`; `site_names`: the site's name and host.
    One line of printable text (control characters go, as everywhere a title is shown).
    """
    return clean_line(_headline(clean_line(title), tree, blocks, site_names))


def _headline(title: str, tree: Any, blocks: list[Block], site_names: Iterable[str]) -> str:
    if not any(character.isalpha() for character in title):
        title = ""  # a date, a number, a separator: not a title
    headings = _headings(tree)
    if title and not _weak(title, site_names, _content_words(" ".join(_opening(blocks)))):
        for heading in headings:  # the page's own headline agrees with the title (or a part)
            if _letters(heading) in {_letters(part) for part in (title, *_parts(title))}:
                return heading
        cut = _cut(title)
        h1s = _headings(tree, ("h1",))
        if (len(cut) > LONGEST or len(cut) < SHORTEST) and len(h1s) == 1 and _words(h1s[0]) > 1:
            return h1s[0]
        return cut
    first = next((block for block in blocks if block.text.strip()), None)
    if (
        first is not None
        and first.kind == HEADING
        and _words(first.text) >= 2
        and not first.text.isupper()  # "NFL PLAYOFFS": a section's label
    ):
        return one_line(first.text)  # trafilatura put it at the top of the story
    chosen = _most_like_opening(headings, blocks)
    if chosen:
        return chosen
    return _cut(title)  # "" when there is none: the caller takes the cleaned story's first line


def first_sentence(blocks: list[Block]) -> str:
    """The story's first sentence (cut at a word, with "…", when it is long)."""
    text = next((one_line(b.text) for b in blocks if b.kind == PARAGRAPH and b.text.strip()), "")
    if not text:
        text = next((one_line(b.text) for b in blocks if b.text.strip()), "")
    end = re.search(r"[.!?](?=\s+[\"“‘']?[A-Z])", text)
    if end and end.end() <= FIRST_SENTENCE:
        return text[: end.end()]
    if len(text) <= FIRST_SENTENCE:
        return text
    cut = text[:FIRST_SENTENCE].rsplit(" ", 1)[0].rstrip(",;:-–—")
    return cut + "…"


def _weak(title: str, site_names: Iterable[str], opening: set[str]) -> bool:
    """A title that does not name the story: one or two words, or the site's own name with
    nothing beside it about the story (`opening`: the words of the story's first lines)."""
    if _words(title) <= 2:
        return True
    labels = [label for name in site_names for label in _site_labels(name)]
    parts = _parts(title)
    naming_site = [
        part
        for part in parts
        if any(
            label in _letters(part) and len(_letters(part)) <= 2.5 * len(label) for label in labels
        )
    ]
    if not naming_site:
        return False
    rest = [part for part in parts if part not in naming_site]
    return not any(_content_words(part) & opening for part in rest)


def site_name(name: str, host: str, tree: Any) -> str:
    """The site's name as the page gives it. trafilatura's `name` (og:site_name,
    application-name, a publisher tag) unless it is only the domain or a handle, as when the
    page has none of those: then the part of the page's `<title>` that names the site
    ("Headline | The Harbour Herald" on harbourherald.example), if one does; else `name`."""
    labels = _site_labels(host) if host else []
    if name and not (" " not in name and ("." in name or _letters(name) in labels)):
        return name
    parts = _parts(_page_title(tree))[1:]  # the first part is the headline
    for part in reversed(parts):
        letters = _letters(part)
        if any(label in letters and len(letters) <= 2.5 * len(label) for label in labels):
            return part
    return name or host


def _page_title(tree: Any) -> str:
    try:
        element = tree.find(".//title") if tree is not None else None
        return one_line(" ".join(element.itertext())) if element is not None else ""
    except (AttributeError, TypeError, ValueError):
        return ""


def _site_labels(name: str) -> list[str]:
    """The letters that name a site: "www.calgarysun.com" -> calgarysun, "BBC News" -> bbcnews."""
    host = [part for part in name.lower().split(".") if part not in _HOST_NOISE]
    labels = [_letters(part) for part in host] if "." in name else [_letters(name)]
    return [label for label in labels if len(label) >= 4]


_HOST_NOISE = frozenset({"www", "com", "org", "net", "co", "uk", "ca", "au", "news", "m"})


def _cut(title: str) -> str:
    """The title without the site or section around it, as Readability cuts it: the part
    before the last separator, or after the first when that leaves under three words; the
    whole title when the cut leaves four words or fewer and took more than one word away."""
    separators = list(_SEPARATOR.finditer(title))
    if not separators:
        return title
    cut = title[: separators[-1].start()].strip()
    if _words(cut) < 3:
        cut = title[separators[0].end() :].strip()
    hierarchical = bool(_HIERARCHICAL.search(title))
    whole = _words(_SEPARATOR.sub(" ", title))
    if _words(cut) <= 4 and (not hierarchical or _words(cut) != whole - 1):
        return title
    return cut


def _parts(title: str) -> list[str]:
    return [part.strip() for part in _SEPARATOR.split(title) if part.strip()]


def _headings(tree: Any, tags: tuple[str, ...] = ("h1", "h2", "h3")) -> list[str]:
    """The page's headings of these levels, in order, each once (two words to thirty)."""
    if tree is None:
        return []
    found: list[str] = []
    try:
        elements = list(tree.iter(*tags))
    except (AttributeError, TypeError, ValueError):
        return []
    for element in elements:
        text = one_line(" ".join(element.itertext()))
        if 1 <= _words(text) <= 30 and text not in found:
            found.append(text)
    return found


def _most_like_opening(headings: list[str], blocks: list[Block]) -> str:
    """The heading that shares the most words (of four letters or more) with the story's
    first paragraphs, when it shares at least MIN_SHARED."""
    words = _content_words(" ".join(_opening(blocks)))
    best, best_score = "", 0.0
    for heading in headings:
        own = _content_words(heading)
        shared = len(own & words)
        if shared >= MIN_SHARED and _words(heading) >= 2:
            score = shared / len(own)
            if score > best_score:
                best, best_score = heading, score
    return best


def _opening(blocks: list[Block]) -> list[str]:
    """The story's first paragraphs (its first blocks, when it has no paragraph)."""
    return [b.text for b in blocks if b.kind == PARAGRAPH][:3] or [b.text for b in blocks[:3]]


def _content_words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.casefold()) if len(word) >= 4}


def _words(text: str) -> int:
    return len(text.split())


def _letters(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())
