"""Finding a feed: an address that is one, or a web page that names one.

Sites say where their feed is in the page's head, as browsers and feed readers expect:
`<link rel="alternate" type="application/rss+xml" href="/feed">` (or `atom+xml`). Given a
page, `feed_links` lists those addresses, resolved against the page the way a browser
does, and only http(s) ones (the rule for every link found in fetched content: a `file:`
or local path in a page never becomes a read of a local file). Parsing uses the standard
library's tolerant HTML parser, which never fetches or expands anything.
"""

from __future__ import annotations

import codecs
import contextlib
import html
import re
from typing import Any

import lxml.etree

from reader.core.xml_prolog import without_entity_declarations
from reader.library.adding import AddError, linked_address
from reader.library.fetching import is_web_address

FEED_LINK_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
MAX_LINKS = 20
SCANNED_BYTES = 512 * 1024  # a page's head is near its top


MAX_ITEMS = 1000  # a feed's newest items; no news feed holds more


def parse_feed(body: bytes) -> Any:
    """feedparser's reading of `body`, cut after its first `MAX_ITEMS` items (feedparser is
    imported here: only feeds need it). feedparser takes a quarter of a millisecond an item
    and no deadline stops it: a 4.8 MB feed of 50,000 items took 30 s of each refresh."""
    import feedparser

    from reader.library.json_feed import parse_json_feed

    json_feed = parse_json_feed(body, MAX_ITEMS)  # (feedparser leaves JSON Feed unread)
    if json_feed is not None:
        return json_feed
    # (Its entities dropped first: feedparser expands those of a feed's DOCTYPE, and one
    # entity used three million times in a 9 MB feed took 4 GB; see `core.xml_prolog`.)
    return feedparser.parse(without_entity_declarations(first_items(_as_utf8(body))))


# (The scheme starts where a run of its letters starts and is at most 32 long: unbounded, a
# feed holding one long run of letters was read from each of its letters, in time that grew
# with the square of the run: a 1 MB description took minutes and no timeout stopped it.)
_SLASHED = re.compile(rb"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}:///+[^\s<>\"']*")


def links_as_given(body: bytes) -> dict[str, str]:
    """The addresses feedparser changed, as the feed wrote them: feedparser turns
    `file:///etc/passwd` into `file://etc/passwd`, and a message should name the link the
    user can find in the feed. Keyed by feedparser's spelling."""
    found: dict[str, str] = {}
    for match in _SLASHED.finditer(body[: 10 * 1024 * 1024]):
        written = html.unescape(match.group().decode("utf-8", "replace"))
        scheme, rest = written.split("://", 1)
        found.setdefault(f"{scheme}://{rest.lstrip('/')}", written)
    return found


_ITEM_END = re.compile(rb"</(?:[\w-]+:)?(?:item|entry)\s*>", re.IGNORECASE)
_ITEM_START = re.compile(rb"<(?:[\w-]+:)?(?:item|entry)(?=[\s>/])", re.IGNORECASE)


def _as_utf8(body: bytes) -> bytes:
    """A feed in UTF-16 or UTF-32 (by its byte-order mark, or its zero bytes), EBCDIC, or an
    encoding its declaration names that spells markup otherwise than ASCII, as UTF-8, its
    declaration saying so, so that its items can be counted (they were all parsed: 45,000
    items took 24 s a refresh)."""
    head = body[:4]
    if head in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        encoding = "utf-32"
    elif head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    elif head[1:2] == b"\x00":
        encoding = "utf-16-le"
    elif head[:1] == b"\x00":
        encoding = "utf-16-be"
    elif head == b"\x4c\x6f\xa7\x94":  # "<?xm" in EBCDIC
        encoding = "cp037"
    else:
        declared = _unlike_ascii(body)
        if declared is None:
            return body
        encoding = declared
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError:
        return body
    text = _DECLARED.sub('encoding="utf-8"', text.lstrip("\ufeff"), count=1)
    return text.encode("utf-8", "replace")


_DECLARED = re.compile(r"""encoding=["'][\w.:-]+["']""")
_DECLARED_BYTES = re.compile(rb"""^[^>]*?encoding=["']([\w.:-]{1,40})["']""")


def _unlike_ascii(body: bytes) -> str | None:
    """The encoding an XML declaration names when markup is spelled in it otherwise than in
    ASCII (UTF-7: "+ADw-!ENTITY"), which feedparser decodes before it parses; None else."""
    declared = _DECLARED_BYTES.match(body[:256])
    if declared is None:
        return None
    try:
        name = codecs.lookup(declared.group(1).decode("ascii")).name
        spelled = "<!ENTITY &".encode(name)
    except (LookupError, UnicodeError, ValueError):
        return None
    return None if spelled == b"<!ENTITY &" else name


def first_items(body: bytes, limit: int = MAX_ITEMS) -> bytes:
    """`body` up to the end of its `limit`-th item or entry, and before the start of the
    next (the rest is dropped: feedparser reads what it can of a document cut short). Both
    are counted: items never closed, which feedparser's lenient reading still takes, had
    gone uncounted (60,000 took 59 s a refresh)."""
    for count, start in enumerate(_ITEM_START.finditer(body), start=1):
        if count > limit:
            body = body[: start.start()]
            break
    for count, end in enumerate(_ITEM_END.finditer(body), start=1):
        if count == limit:
            return body[: end.end()]
    return body


def has_more_items(body: bytes, limit: int = MAX_ITEMS, parsed: Any = None) -> bool:
    """Whether `body` holds more than `limit` items or entries (`parse_feed`, whose reading
    `parsed` is, read the first): a JSON Feed's reading says so (read once, not twice); in
    RSS or Atom, an item ends after what `first_items` keeps."""
    from reader.library.json_feed import JsonFeed

    if isinstance(parsed, JsonFeed):
        return parsed.more_items
    utf8 = _as_utf8(body)
    kept = len(first_items(utf8, limit))
    return _ITEM_END.search(utf8, kept) is not None or _ITEM_START.search(utf8, kept) is not None


def is_feed(parsed: Any) -> bool:
    """True when feedparser recognised a feed format (RSS, Atom, RDF, JSON Feed)."""
    return bool(getattr(parsed, "version", "")) and parsed.version != "unknown"


class _AdvertisedLinks:
    """A target for lxml's HTML parser: the (href, title) of each `<link>` or `<a>` with rel
    "alternate" and a feed's type, as the parser meets them (no tree is built, so nothing
    is dropped for nesting deeper than a tree's bound, nor after `</html>`)."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag not in ("link", "a") or len(self.found) >= MAX_LINKS:
            return
        rel = (attrib.get("rel") or "").lower().split()
        kind = (attrib.get("type") or "").lower().split(";")[0].strip()
        href = attrib.get("href") or ""
        if "alternate" in rel and kind in FEED_LINK_TYPES and href:
            self.found.append((href, attrib.get("title") or ""))

    def end(self, tag: str) -> None:
        pass

    def close(self) -> list[tuple[str, str]]:
        return self.found


def _advertised(page: str) -> list[tuple[str, str]]:
    """The feed links a page advertises (`_AdvertisedLinks`), read by lxml's HTML parser in
    linear time however the page is broken (the standard library's parser read a page of
    "<a" never closed again at each one: 200 KB, 23 s)."""
    links = _AdvertisedLinks()
    parser = lxml.etree.HTMLParser(target=links, encoding="utf-8")
    # (an empty or unreadable page: what was found before it gave up; as bytes, for a page
    # opening with an XML declaration is refused as a str)
    with contextlib.suppress(lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        lxml.etree.fromstring(page.encode("utf-8"), parser)
    return links.found


def feed_links(page: bytes, base: str) -> list[str]:
    """The feed addresses a web page advertises, resolved against `base`, http(s) only."""
    advertised = _advertised(page[:SCANNED_BYTES].decode("utf-8", "replace"))
    links: list[str] = []
    for href, _title in advertised:
        try:
            address = linked_address(base, href)
        except AddError:
            continue
        if is_web_address(address) and address not in links:
            links.append(address)
    return links
