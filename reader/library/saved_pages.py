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
_TAG_BYTES = 4096  # a `<meta>` tag longer than this names no title
_CONTENT = re.compile(rb"""content\s*=\s*["']([^"']*)""", re.IGNORECASE)
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
    found = [raw for raw in (_title(head), _og_title(head)) if raw]
    return [_folded(html.unescape(raw.decode("utf-8", "replace"))) for raw in found]


def _title(head: bytes) -> bytes:
    """The text of the first `<title>`, found by plain searches (a pattern over a crafted
    page backtracked: 45 s for 256 KB of `<title>` with no end, the app held meanwhile)."""
    lower = head.lower()
    start = lower.find(b"<title")
    opened = lower.find(b">", start) if start >= 0 else -1
    end = lower.find(b"</title", opened) if opened >= 0 else -1
    return head[opened + 1 : end] if end >= 0 else b""


def _og_title(head: bytes) -> bytes:
    """The content of the first `<meta property="og:title" …>` tag (each tag read alone,
    at most `_TAG_BYTES` of it: no search runs over the rest of the page)."""
    lower = head.lower()
    at = lower.find(b"og:title")
    if at < 0:
        return b""
    start = lower.rfind(b"<", max(0, at - _TAG_BYTES), at)
    end = lower.find(b">", at, at + _TAG_BYTES)
    if start < 0 or end < 0 or not lower.startswith(b"<meta", start):
        return b""
    found = _CONTENT.search(head, start, end)
    return found.group(1) if found else b""


def _folded(title: str) -> str:
    return clean_line(title).casefold()
