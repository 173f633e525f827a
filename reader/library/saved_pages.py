"""Web pages saved into a library folder: which of them are not added yet.

A page lying in the folder is not an article until `reader add` cleans it to its story, and
the app says so at start. Once added, the page usually stays where it was, and the app said
it again at every start. A page counts as added when an article of the library bears its
title: the page's `<title>` (or `og:title`), which sites write as "Story · Site", holds the
article's title whole. Only the head of each page is read, a bounded amount.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

from reader.core.files import open_regular
from reader.core.text import clean_line

HEAD_BYTES = 256 * 1024  # where a page's title is, read at most
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
_OG_TITLE = re.compile(
    rb"<meta[^>]+property=[\"']og:title[\"'][^>]+content=[\"']([^\"']*)", re.IGNORECASE
)
_SHORTEST = 12  # a title shorter than this ("Home") names no story


def not_added(root: Path, pages: Iterable[str], titles: Iterable[str]) -> list[str]:
    """The pages (paths relative to `root`) whose title holds no article's title."""
    known = [folded for title in titles if len(folded := _folded(title)) >= _SHORTEST]
    left = []
    for page in pages:
        named = page_titles(root / page)
        if not any(title in name for name in named for title in known):
            left.append(page)
    return left


def page_titles(path: Path) -> list[str]:
    """The titles a saved page gives itself, folded for comparing ([] when unreadable)."""
    try:
        with open_regular(path) as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return []
    found = [m.group(1) for m in (_TITLE.search(head), _OG_TITLE.search(head)) if m]
    return [_folded(html.unescape(raw.decode("utf-8", "replace"))) for raw in found]


def _folded(title: str) -> str:
    return clean_line(title).casefold()
