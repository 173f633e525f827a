"""Local news sites with feeds, for the tests of following and refreshing (and the bench).

`FeedSite` serves on 127.0.0.1 any number of RSS feeds, `/<feed>/rss.xml`, each listing
its stories (`/<feed>/<n>.html`, real-looking article pages with a headline, a byline, a
few paragraphs and a quotation). A feed answers with an ETag and a Last-Modified and
honours `If-None-Match` (304, counted) as real servers do. `add_story` is "the next day":
the feed then lists one more. What sites do wrong is there too: a feed that answers after
`delay` seconds, one that serves junk, one that redirects forever, a page that names its
feed in its head (`/<feed>/`), and a feed item linking to a local file.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

WORDS = [
    "council",
    "budget",
    "river",
    "harbour",
    "school",
    "transit",
    "housing",
    "winter",
    "election",
    "library",
    "bridge",
    "ferry",
    "hospital",
    "farmers",
    "market",
    "museum",
    "festival",
    "teachers",
    "nurses",
    "tenants",
    "wildfire",
]


@dataclass
class Story:
    number: int
    title: str
    published: datetime


@dataclass
class SiteFeed:
    """One feed of the site: its stories and how it behaves."""

    name: str
    stories: list[Story] = field(default_factory=list)
    delay: float = 0.0  # seconds before the feed answers
    page_delay: float = 0.0  # seconds before each of its pages answers
    junk: bool = False
    loop: bool = False
    local_link: bool = False  # one more item, linking to a local file
    version: int = 0  # changes whenever a story is added: the ETag
    title: str = ""  # the channel's title as written in the XML ("<name> News" if empty)
    missing: set[int] = field(default_factory=set)  # stories whose pages answer 404 for now
    trailer: str = ""  # a paragraph every story of the site ends with (a reporter's bio)
    content_type: str = "application/rss+xml"  # what the feed's answer says it is
    relative: bool = False  # its items' links relative to the feed's address


def story_html(feed: str, story: Story, trailer: str = "") -> bytes:
    """An article page as a news site writes it (menus, a story, a footer)."""
    first = WORDS[story.number % len(WORDS)]
    second = WORDS[(story.number * 7 + len(feed)) % len(WORDS)]
    paragraphs = [
        f"The {first} plan for the {second} district was approved on Tuesday after a long "
        f"night of debate at city hall, officials from the {feed} desk reported.",
        f"“We have waited years for the {first} to be fixed, and this is only the start,” "
        f"said Mara Quill, who chairs the residents' association of story {story.number}.",
        f"Opponents said the cost of the {second} works would fall on families already "
        "struggling with rent, and promised to take the question to the next council "
        "meeting in the spring.",
        f"The work is expected to begin next month and to last until the end of the year, "
        f"according to a statement from the {first} department.",
    ]
    body = "".join(f"<p>{p}</p>" for p in [*paragraphs, *([trailer] if trailer else [])])
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{story.title} | {feed} news</title>"
        f"<meta property='og:site_name' content='{feed} news'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{story.title}</h1><p class='byline'>By Ada Reporter</p>{body}</article>"
        "<footer>Copyright the newspaper</footer></body></html>"
    ).encode()


class FeedSite:
    """A local site of feeds; see the module docstring."""

    def __init__(self) -> None:
        self.feeds: dict[str, SiteFeed] = {}
        self.requests: dict[str, int] = {}
        self.not_modified: dict[str, int] = {}
        self.base = ""
        self._lock = threading.Lock()
        self._day = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

    def add_feed(self, name: str, stories: int = 3, **behaviour: Any) -> str:
        """A feed of `stories` stories; its address."""
        feed = SiteFeed(name, **behaviour)
        self.feeds[name] = feed
        for _ in range(stories):
            self.add_story(name)
        return self.feed_url(name)

    def add_story(self, name: str, title: str = "") -> Story:
        """One more story in a feed (published an hour after the last one)."""
        with self._lock:
            feed = self.feeds[name]
            number = len(feed.stories) + 1
            self._day += timedelta(hours=1)
            word = WORDS[(number * 3 + len(name)) % len(WORDS)]
            story = Story(number, title or f"{name.title()} {word} story {number}", self._day)
            feed.stories.append(story)
            feed.version += 1
            return story

    def feed_url(self, name: str) -> str:
        return f"{self.base}/{name}/rss.xml"

    def page_url(self, name: str) -> str:
        return f"{self.base}/{name}/"

    def count(self, path: str) -> int:
        with self._lock:
            return self.requests.get(path, 0)

    # --- answering ---
    def rss(self, feed: SiteFeed) -> bytes:
        items = []
        for story in reversed(feed.stories):  # newest first, as feeds list them
            items.append(
                f"<item><title>{story.title}</title>"
                f"<link>{'' if feed.relative else self.base}/{feed.name}/{story.number}.html</link>"
                f"<guid>{self.base}/{feed.name}/{story.number}.html</guid>"
                f"<pubDate>{format_datetime(story.published, usegmt=True)}</pubDate></item>"
            )
        if feed.local_link:
            items += [
                "<item><title>Secret</title><link>file:///etc/passwd</link></item>",
                "<item><title>Secret</title><link>/etc/passwd</link></item>",
            ]
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{feed.title or feed.name.title() + ' News'}</title>"
            f"<link>{self.base}/{feed.name}/</link>"
            f"<description>Local stories</description>{''.join(items)}</channel></rss>"
        ).encode()

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?")[0]
        with self._lock:
            self.requests[path] = self.requests.get(path, 0) + 1
        parts = path.strip("/").split("/")
        feed = self.feeds.get(parts[0]) if parts and parts[0] else None
        if feed is None:
            _send(handler, 404, "text/html", b"<h1>Not found</h1>")
            return
        rest = parts[1] if len(parts) > 1 else ""
        if rest == "rss.xml":
            self._answer_feed(handler, feed, path)
        elif rest == "":
            link = f"<link rel='alternate' type='application/rss+xml' href='/{feed.name}/rss.xml'>"
            page = f"<html><head><title>{feed.name}</title>{link}</head><body>Home</body></html>"
            _send(handler, 200, "text/html; charset=utf-8", page.encode())
        elif rest.endswith(".html") and rest[:-5].isdigit():
            number = int(rest[:-5])
            story = next((s for s in feed.stories if s.number == number), None)
            if story is None or number in feed.missing:
                _send(handler, 404, "text/html", b"<h1>Not found</h1>")
                return
            if feed.page_delay:
                time.sleep(feed.page_delay)
            _send(
                handler, 200, "text/html; charset=utf-8", story_html(feed.name, story, feed.trailer)
            )
        else:
            _send(handler, 404, "text/html", b"<h1>Not found</h1>")

    def _answer_feed(self, handler: BaseHTTPRequestHandler, feed: SiteFeed, path: str) -> None:
        if feed.delay:
            time.sleep(feed.delay)
        if feed.loop:
            handler.send_response(302)
            handler.send_header("Location", f"{path}?again={time.monotonic_ns()}")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        if feed.junk:
            _send(handler, 200, "application/rss+xml", b"\x00\x01<<<not a feed at all>>>" * 50)
            return
        etag = f'"{feed.name}-{feed.version}"'
        modified = format_datetime(feed.stories[-1].published, usegmt=True) if feed.stories else ""
        if handler.headers.get("If-None-Match") == etag:
            with self._lock:
                self.not_modified[feed.name] = self.not_modified.get(feed.name, 0) + 1
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.end_headers()
            return
        body = self.rss(feed)
        handler.send_response(200)
        handler.send_header("Content-Type", f"{feed.content_type}; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("ETag", etag)
        if modified:
            handler.send_header("Last-Modified", modified)
        handler.end_headers()
        handler.wfile.write(body)


def _send(handler: BaseHTTPRequestHandler, status: int, kind: str, body: bytes) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@contextlib.contextmanager
def serve_feeds() -> Iterator[FeedSite]:
    """A `FeedSite` served on a free port of 127.0.0.1 for the block."""
    site = FeedSite()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            return

        def do_GET(self) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                site.answer(self)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    # (polled often: `shutdown` waits for the loop's next look, half a second by default)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
