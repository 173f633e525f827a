"""JSON Feed (jsonfeed.org, versions 1 and 1.1), read into the shape feedparser gives RSS
and Atom, so that following, refreshing and `add --feed` take it as they take those.

feedparser 6 leaves a JSON Feed's bytes unread (no version, no entries). A document is a
JSON Feed when it is an object whose `version` names jsonfeed.org; its items' `url` (else
`external_url`), `title` and `date_published` (else `date_modified`) are read, at most
`MAX_ITEMS` of them. The body is bounded by the fetch (10 MB); a document nested too deep
for the parser, or not JSON at all, is no JSON Feed.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

JSON_FEED_VERSIONS = {
    "https://jsonfeed.org/version/1": "json1",
    "https://jsonfeed.org/version/1.1": "json11",
}


@dataclass
class JsonFeed:
    """A JSON Feed as feedparser gives a feed: `version`, `feed` (its title) and
    `entries` (each with `link`, `title`, `published_parsed`)."""

    version: str
    feed: dict[str, str] = field(default_factory=dict)
    entries: list[dict[str, Any]] = field(default_factory=list)
    bozo: bool = False
    more_items: bool = False  # the feed holds more items than were read


def parse_json_feed(body: bytes, max_items: int) -> JsonFeed | None:
    """The JSON Feed `body` holds, or None when it is none."""
    if not body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return None
    try:
        # (numbers kept as text: an id of 5,000 digits is past what Python reads as one)
        document = json.loads(body.decode("utf-8-sig", errors="replace"), parse_int=str)
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict):
        return None
    version = JSON_FEED_VERSIONS.get(str(document.get("version", "")).rstrip("/"))
    if version is None:
        return None
    items = document.get("items")
    more = isinstance(items, list) and len(items) > max_items
    parsed = JsonFeed(version, {"title": _text(document.get("title"))}, more_items=more)
    for item in items[:max_items] if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        link = _address(item.get("url")) or _address(item.get("external_url"))
        if not link:
            continue  # (no address, or one too long to be one: never fetched cut short)
        parsed.entries.append(
            {
                "link": link,
                "id": _text(item.get("id")) or link,
                "title": _text(item.get("title")),
                "published_parsed": _moment(item.get("date_published"))
                or _moment(item.get("date_modified")),
            }
        )
    return parsed


MAX_ADDRESS = 2000  # characters of an item's address; a longer one is no address


def _address(value: object) -> str:
    return value if isinstance(value, str) and len(value) <= MAX_ADDRESS else ""


def _text(value: object) -> str:
    return value[:2000] if isinstance(value, str) else ""


def _moment(value: object) -> time.struct_time | None:
    """An RFC 3339 date as feedparser gives dates: a UTC `struct_time`."""
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    when = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    try:
        return when.astimezone(UTC).timetuple()
    except (OverflowError, ValueError):
        return None
