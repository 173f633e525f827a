"""Following feeds: subscribe by address (a feed, or a page that names one), unfollow, and
exchange the list as OPML.

`follow` fetches the address once (with `reader add`'s limits and deadline) to be sure it
is a feed and to learn its title, which names it unless the user gives a name; a web page
is read for the feed it advertises (`feed_discovery`). Following an address already
followed changes its name or `keep` when given. Unfollowing keeps the articles the feed
brought (and their annotations): only the subscription goes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from reader.core.text import clean_line
from reader.core.wording import plural
from reader.library.feed_discovery import feed_links, is_feed, parse_feed
from reader.library.fetching import (
    FEED_TYPES,
    HTML_TYPES,
    TIMEOUT_SECONDS,
    FetchError,
    fetch,
    is_web_address,
)
from reader.library.opml import parse_opml
from reader.library.subscriptions import (
    FOLLOWING_BYTES,
    MAX_FEED_ADDRESS,
    Feed,
    FeedError,
    Subscriptions,
    address_key,
    at_address,
    find,
    name_key,
    unique_name,
)

MAX_CANDIDATES = 3  # feed links of a page tried in turn


@dataclass(frozen=True)
class Followed:
    """What `follow` did: `followed` (new), `changed` (name or keep) or `already`."""

    feed: Feed
    status: str


def discover(url: str, timeout: float = TIMEOUT_SECONDS) -> tuple[str, str]:
    """The feed at `url`, or the one the page at `url` advertises: (its address, its
    title); `FeedError` when there is none."""
    try:
        fetched = fetch(url, accept=FEED_TYPES + HTML_TYPES, timeout=timeout)
    except FetchError as error:
        raise FeedError(str(error)) from None
    parsed = parse_feed(fetched.body)
    if is_feed(parsed):
        return url, _title(parsed, url)
    named = feed_links(fetched.body, fetched.url)[:MAX_CANDIDATES]
    why = ""
    for link in named:
        try:
            found = fetch(
                link, accept=FEED_TYPES + HTML_TYPES, timeout=timeout, named_by=fetched.url
            )
        except FetchError as error:
            why = why or clean_line(str(error).removeprefix(f"{link}: "))[:200]
            continue
        parsed = parse_feed(found.body)
        if is_feed(parsed):
            return link, _title(parsed, link)
        why = why or "not an RSS, Atom or JSON feed"
    if named:  # (the page names feeds, and none of them could be read)
        first = clean_line(named[0])[:200]
        more = f" (and {plural(len(named) - 1, 'other')})" if len(named) > 1 else ""
        raise FeedError(
            f"{url}: the page names the feed {first}{more}, which could not be read ({why}); "
            "give the feed's address if you know another"
        )
    raise FeedError(
        f"{url}: neither an RSS, Atom or JSON feed nor a page that names one; give the feed's "
        "address (often ending /feed, /rss or .xml)"
    )


def _title(parsed: object, url: str) -> str:
    """The feed's title as plain text (a title of type HTML, "Herald <b>Local</b>", shows
    its words, not its tags), else the address's host."""
    feed = getattr(parsed, "feed", {}) or {}
    title = _TAG.sub("", str(feed.get("title") or ""))
    title = clean_line(html.unescape(title))[:200]
    return title or (urlsplit(url).hostname or url)


_TAG = re.compile(r"<[^<>]*>")


def _not_too_long(url: str) -> None:
    if len(url) > MAX_FEED_ADDRESS:
        raise FeedError(
            f"{url[:80]}…: an address of {len(url):,} characters, too long to be a feed's "
            f"(at most {MAX_FEED_ADDRESS:,}); give the feed's own address"
        )


def follow(
    subscriptions: Subscriptions,
    url: str,
    name: str = "",
    keep: int | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> Followed:
    """Follow the feed at `url` (a feed, or a page naming one); see the module docstring."""
    url = url.strip()
    if not is_web_address(url):
        raise FeedError(
            f"{url}: not a web address; give a feed's http:// or https:// address (a feed "
            "file on disk: serve its folder with `python3 -m http.server` and follow "
            "http://localhost:8000/FILE)"
        )
    _not_too_long(url)
    name = clean_line(name)[:200]
    existing = at_address(subscriptions.feeds(), url)  # (by address only: a name may look like one)
    if existing is None:
        url, title = discover(url, timeout)
        _not_too_long(url)  # (a page naming a feed at 30,000 characters: an OPML lost it)
    else:
        title = existing.name
    with subscriptions.editing(FOLLOWING_BYTES) as feeds:
        feed = at_address(feeds, url)
        if feed is not None:
            changed = False
            if name and name != feed.name:
                feed.name = unique_name([f for f in feeds if f is not feed], name)
                changed = True
            if keep is not None and keep != feed.keep:
                feed.keep = keep
                changed = True
            if _password(url) and url != feed.url:
                # a new password for the same feed (it was followed a second time, and the
                # old one failed at every refresh); the address without one keeps it
                feed.url = url
                changed = True
            return Followed(feed, "changed" if changed else "already")
        feed = Feed(url=url, name=unique_name(feeds, name or title), keep=keep or 0)
        feeds.append(feed)
    return Followed(feed, "followed")


def _password(url: str) -> bool:
    """Whether the address gives a password (a user name alone gives none: it had
    replaced the stored password, and every refresh then failed 401)."""
    try:
        return urlsplit(url).password is not None
    except ValueError:
        return False


def unfollow(subscriptions: Subscriptions, name_or_url: str) -> Feed:
    """Stop following a feed (by name or address); its articles stay in the library."""
    with subscriptions.editing(FOLLOWING_BYTES) as feeds:
        feed = find(feeds, name_or_url)
        if feed is None:
            raise FeedError(
                f"{name_or_url}: not a followed feed; `reader follow --list` lists them"
            )
        feeds.remove(feed)
    return feed


@dataclass
class ImportReport:
    """What an OPML import did."""

    followed: list[Feed] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def import_opml(subscriptions: Subscriptions, data: bytes, name: str) -> ImportReport:
    """Follow every feed of an OPML document (no fetching: `reader refresh` does that);
    feeds already followed are left as they are."""
    found = parse_opml(data, name)
    report = ImportReport(skipped=list(found.skipped))
    with subscriptions.editing(FOLLOWING_BYTES) as feeds:
        known = {address_key(feed.url) for feed in feeds}
        taken = {name_key(feed.name) for feed in feeds}
        numbers: dict[str, int] = {}
        for outline in found.feeds:
            if address_key(outline.url) in known:
                report.already.append(outline.url)
                continue
            name = unique_name(feeds, outline.name, taken, numbers)
            feed = Feed(url=outline.url, name=name, keep=outline.keep)
            feeds.append(feed)
            known.add(address_key(feed.url))
            report.followed.append(feed)
    return report
