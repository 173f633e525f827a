"""The library pane's views: which articles it lists, and how articles group by feed.

- `all` (the default): every article but the archived ones;
- `unread`: what the feeds brought that nobody opened yet;
- `feeds`: every article but the archived ones, under its feed (in the order the feeds
  were followed, each with its unread count), those added by hand last;
- `archive`: the archived articles, where `e` brings one back.

The article open in the app stays listed in every view (so the list says where you are),
as it does under a filter. Plain functions over article records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from reader.core.records import ArticleRecord

VIEWS: dict[str, str] = {
    "all": "Library",
    "unread": "Unread",
    "feeds": "By feed",
    "archive": "Archive",
}
BY_HAND = "Added by hand"


def next_view(view: str) -> str:
    """The view after `view`, round the cycle."""
    names = list(VIEWS)
    return names[(names.index(view) + 1) % len(names)] if view in VIEWS else names[0]


def in_view(
    records: Iterable[ArticleRecord], view: str, current: int | None = None
) -> list[ArticleRecord]:
    """The records `view` lists (and the open article `current`, whatever its state)."""
    kept = []
    for record in records:
        if record.id == current:
            kept.append(record)
        elif view == "archive":
            if record.archived:
                kept.append(record)
        elif record.archived:
            continue
        elif view != "unread" or not record.read:
            kept.append(record)
    return kept


def unread_count(records: Iterable[ArticleRecord]) -> int:
    """How many articles wait to be read (archived ones are not waiting)."""
    return sum(1 for r in records if not r.read and not r.archived and not r.missing)


def feed_name(url: str | None, names: Mapping[str, str]) -> str:
    """What to call the feed at `url`: its followed name, else its site's host name."""
    if not url:
        return BY_HAND
    return names.get(url) or urlsplit(url).hostname or url


def by_feed(
    records: Iterable[ArticleRecord], names: Mapping[str, str]
) -> list[tuple[str, int, list[ArticleRecord]]]:
    """`records` (in their order) grouped by feed: (name, unread count, records), the
    followed feeds first in `names`' order, then feeds no longer followed, then articles
    added by hand."""
    groups: dict[str, list[ArticleRecord]] = {}
    for record in records:
        groups.setdefault(record.feed or "", []).append(record)
    order = list(names)
    ranked = sorted(
        groups,
        key=lambda url: (
            0 if url in names else (2 if not url else 1),
            order.index(url) if url in names else 0,
            feed_name(url, names).casefold(),
        ),
    )
    return [(feed_name(url, names), unread_count(groups[url]), groups[url]) for url in ranked]


def unread_by_feed(records: Iterable[ArticleRecord]) -> Counter[str]:
    """Feed address -> articles unread from it."""
    return Counter(r.feed or "" for r in records if not r.read and not r.archived)
