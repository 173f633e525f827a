"""A local web site for the tests of adding articles: saved real pages on 127.0.0.1.

No test reaches the internet. The pages are real news pages saved in tests/data/extraction
(origins in its SOURCES.md); the server adds what a real site does wrong: a redirect, a 404,
a server too slow to answer, an oversized answer, an answer that is not HTML, a page with no
article, and an RSS feed of three of the pages. Under /hostile/ it serves the hostile corpus
of tests/data/hostile/ ({base} and {secret} filled in) and a server that trickles a byte at a
time, as an attacker would to hold a client forever.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.helpers.paths import DATA

EXTRACTION = DATA / "extraction"
HOSTILE = DATA / "hostile"

# Saved pages served by name: the story page, and two more for the feed.
PAGES = {
    "story.html": EXTRACTION / "dev" / "bbc-70cb2d.html.gz",  # Taylor Swift's AMA row (BBC)
    "markets.html": EXTRACTION / "dev" / "cityam-360c73.html.gz",
    "spurs.html": EXTRACTION / "dev" / "news-921019.html.gz",  # Mourinho at Tottenham (Sky)
}
EMPTY_PAGE = (
    b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
)


def feed(base: str) -> bytes:
    items = [
        ("story.html", "Taylor Swift's AMA row seems to be over", "Tue, 19 Nov 2019 10:00:00 GMT"),
        ("markets.html", "Alibaba and Hong Kong", "Wed, 20 Nov 2019 09:00:00 GMT"),
        ("spurs.html", "Mourinho replaces Pochettino", "Wed, 20 Nov 2019 08:00:00 GMT"),
    ]
    entries = "".join(
        f"<item><title>{title}</title><link>{base}/{name}</link><pubDate>{date}</pubDate></item>"
        for name, title, date in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title>'
        f"<link>{base}/</link><description>Saved pages</description>{entries}</channel></rss>"
    ).encode()


# Redirects and feed items a hostile site gives: a port no address has, a host no DNS name
# can be, this machine by name (local when the site is not: see test_hostile_sources).
_REDIRECTS = {
    "to-bad-port": "http://127.0.0.1:99999/story.html",
    "to-bad-host": "http://xn--zz-/story.html",
    "to-localhost": "http://localhost:{port}/story.html",
    "via-public": "http://127.0.0.1:{port}/to-localhost",  # (from localhost: a chain back)
    "to-public-feed": "http://127.0.0.1:{port}/localhost-item.xml",
}
_LINKING_FEEDS = {
    "bad-host-item.xml": ["{base}/story.html", "http://xn--zz-/x.html", "{base}/markets.html"],
    "localhost-item.xml": ["http://localhost:{port}/story.html", "{base}/markets.html"],
}


def linking_feed(base: str, links: list[str]) -> bytes:
    """An RSS feed of these links, newest first."""
    items = "".join(
        f"<item><title>Item {n}</title><link>{link}</link>"
        f"<pubDate>Wed, {20 - n:02d} Nov 2019 09:00:00 GMT</pubDate></item>"
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile news</title>'
        f"<link>{base}/</link><description>Links</description>{items}</channel></rss>"
    ).encode()


def json_feed(base: str) -> bytes:
    """The feed of `feed`, as a JSON Feed 1.1."""
    items = [
        {
            "id": "1",
            "url": f"{base}/story.html",
            "title": "Taylor Swift's AMA row",
            "date_published": "2019-11-19T10:00:00Z",
        },
        {
            "id": "2",
            "url": f"{base}/markets.html",
            "title": "Alibaba",
            "date_published": "2019-11-20T09:00:00+00:00",
        },
        {"id": "3", "content_text": "an item with no address"},
    ]
    document = {"version": "https://jsonfeed.org/version/1.1", "title": "JSON news", "items": items}
    return json.dumps(document).encode()


_TRICKLING = [0]  # clients still being fed by /trickle.html
_COUNT_LOCK = threading.Lock()


def trickling() -> int:
    """How many clients /trickle.html is still feeding (0 once every client hung up)."""
    with _COUNT_LOCK:
        return _TRICKLING[0]


class _Handler(BaseHTTPRequestHandler):
    slow_seconds = 5.0
    live_page = b""  # /live.html: a page a test can change, as a site edits a story
    secret = "/nonexistent"  # a local file that hostile feeds point at (set by a test)
    trickle_seconds = 0.25  # /trickle.html: one byte every this often, ~2 minutes in all

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_GET(self) -> None:
        # The client may give up (the size limit or its time-out), as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer()

    def _answer(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path.split("?")[0].lstrip("/")
        if path in PAGES:
            self._send(200, "text/html; charset=utf-8", gzip.decompress(PAGES[path].read_bytes()))
        elif path == "live.html":
            self._send(200, "text/html; charset=utf-8", _Handler.live_page)
        elif path == "moved":
            self.send_response(301)
            self.send_header("Location", f"{base}/story.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path in _REDIRECTS:  # where a hostile site sends a client on
            self.send_response(302)
            port = self.server.server_address[1]
            self.send_header("Location", _REDIRECTS[path].format(base=base, port=port))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path in _LINKING_FEEDS:  # a feed whose items link where a hostile site wants
            port = self.server.server_address[1]
            links = [link.format(base=base, port=port) for link in _LINKING_FEEDS[path]]
            self._send(200, "application/rss+xml", linking_feed(base, links))
        elif path == "feed.json":  # a JSON Feed, served as most are (application/json)
            self._send(200, "application/json", json_feed(base))
        elif path == "deep.json":  # JSON nested past any parser's depth
            self._send(200, "application/json", b"[" * 200_000 + b"]" * 200_000)
        elif path == "feed.xml":
            self._send(200, "application/rss+xml", feed(base))
        elif path == "feed.rss":  # the type Python's own web server gives .rss
            self._send(200, "application/x-rss+xml", feed(base))
        elif path == "latin1.html":  # the charset in the header only, as many servers do
            body = (
                "<html><body><h1>Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e</h1>"
                "<p>Le caf\u00e9 est servi.</p></body></html>"
            ).encode("latin-1")
            self._send(200, "text/html; charset=ISO-8859-1", body)
        elif path in ("punycode.html", "rot13.html"):  # a charset no page is written in
            body = b"<html><body><h1>Odd charset</h1><p>" + b"word " * 2000 + b"</p></body></html>"
            self._send(200, f"text/html; charset={path.split('.')[0]}", body)
        elif path == "data.json":
            self._send(200, "application/json", b'{"not": "a page"}')
        elif path == "empty.html":
            self._send(200, "text/html", EMPTY_PAGE)
        elif path == "huge.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"word " * 20_000 + b"</p>"
            for _ in range(120):  # about 12 MB, streamed without a length
                self.wfile.write(chunk)
        elif path in ("bomb.html", "bomb2.html", "gzipped.html"):
            # A page in gzip (what servers do), a gzip bomb (64 MB of spaces in 64 KB), and
            # the same bomb inside gzip again (what httpx decoded whole in one step).
            if path == "gzipped.html":
                body = gzip.compress(gzip.decompress(PAGES["story.html"].read_bytes()))
            else:
                body = _bomb()
                if path == "bomb2.html":
                    body = gzip.compress(body)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip, gzip" if path == "bomb2.html" else "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path.startswith("hostile/"):
            self._hostile(base, path.removeprefix("hostile/"))
        elif path == "trickle.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            with _COUNT_LOCK:
                _TRICKLING[0] += 1
            try:
                for byte in (b"<html><body><p>" + b"word " * 100)[:500]:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(self.trickle_seconds)
            finally:  # the client hung up (or the page is done)
                with _COUNT_LOCK:
                    _TRICKLING[0] -= 1
        elif path == "slow.html":
            time.sleep(self.slow_seconds)
            self._send(200, "text/html", EMPTY_PAGE)
        else:
            self._send(404, "text/html", b"<h1>Not found</h1>")

    def _hostile(self, base: str, name: str) -> None:
        path = HOSTILE / name
        if ".." in name or not path.is_file():
            self._send(404, "text/html", b"<h1>Not found</h1>")
            return
        secret = _Handler.secret
        body = (
            path.read_text(encoding="utf-8")
            .replace("{base}", base)
            .replace("{secret}", secret)
            .replace("{secret_relative}", secret.lstrip("/"))
        )
        kind = "application/rss+xml" if name.endswith(".rss") else "text/html; charset=utf-8"
        self._send(200, kind, body.encode("utf-8"))

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


_BOMB: list[bytes] = []


def _bomb() -> bytes:
    """64 MB of spaces after an opening tag, gzipped (64 KB; made once, in pieces)."""
    if not _BOMB:
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        block = b" " * (1 << 20)
        pieces = [compressor.compress(b"<html><body><p>")]
        pieces += [compressor.compress(block) for _ in range(64)]
        _BOMB.append(b"".join(pieces) + compressor.flush())
    return _BOMB[0]


def set_live_page(html: bytes) -> None:
    """What /live.html answers from now on."""
    _Handler.live_page = html


def set_secret(path: str) -> None:
    """The local file that the hostile feeds point at."""
    _Handler.secret = path


@contextmanager
def serve() -> Iterator[str]:
    """Serve the site on a free port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    # (polled often: `shutdown` waits for the loop's next look, half a second by default)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
