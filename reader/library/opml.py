"""OPML, the list of feeds every feed reader imports and exports.

Export: an OPML 2.0 document with one `<outline type="rss">` per feed (`text` and `title`:
its name, `xmlUrl`: its address; `readerKeep`: its `keep`, which other readers ignore).

Import reads any OPML a feed reader writes: outlines nested in folders or not, the name
from `title` or `text`. The file is parsed as hostile: at most `MAX_OPML_BYTES`, with
lxml's parser told never to resolve entities, load a DTD or touch the network, and a
document that declares a DTD or entities is refused outright (the "billion laughs" and
external entity attacks need one). Only http(s) addresses are kept; anything else is
reported and skipped. Nothing here touches the network or the feeds file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from reader.core.text import clean_line
from reader.core.xml_prolog import declares_dtd
from reader.library.fetching import is_web_address
from reader.library.subscriptions import MAX_FEED_ADDRESS, Feed

MAX_OPML_BYTES = 10 * 1024 * 1024
MAX_OUTLINES = 100_000


class OpmlError(Exception):
    """An OPML file that cannot be read; the message is one line for the user."""


@dataclass(frozen=True)
class Outline:
    """A feed found in an OPML file."""

    url: str
    name: str
    keep: int = 0


@dataclass
class OpmlFeeds:
    """What an OPML file holds: its feeds, and the outlines left out (with why)."""

    feeds: list[Outline] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def to_opml(feeds: list[Feed], title: str = "Reader feeds") -> bytes:
    """The feeds as an OPML 2.0 document (UTF-8)."""
    root = ET.Element("opml", {"version": "2.0"})
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attributes = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.keep:
            attributes["readerKeep"] = str(feed.keep)
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def parse_opml(data: bytes, name: str) -> OpmlFeeds:
    """The feeds of an OPML document; `OpmlError` (naming `name`) when it is not one."""
    from lxml import etree  # imported here: only importing OPML needs it

    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"{name}: over {MAX_OPML_BYTES >> 20} MB, not a list of feeds")
    if declares_dtd(data):
        raise OpmlError(
            f"{name}: declares a DTD or entities, which OPML never needs; Reader does not "
            "read such files (export the list again from your feed reader)"
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise OpmlError(f"{name}: not an OPML file ({clean_line(str(error))[:200]})") from None
    if root is None or not isinstance(root.tag, str) or etree.QName(root).localname != "opml":
        raise OpmlError(f"{name}: not an OPML file (no <opml> element); export it again")
    found = OpmlFeeds()
    seen: set[str] = set()
    for number, outline in enumerate(root.iter("{*}outline", "outline")):
        if number >= MAX_OUTLINES:
            found.skipped.append(f"{name}: more than {MAX_OUTLINES} outlines; the rest left out")
            break
        url = clean_line(outline.get("xmlUrl") or outline.get("xmlurl") or "")
        if not url:
            continue  # a folder, or a link that is not a feed
        label = clean_line(outline.get("title") or outline.get("text") or "")[:200]
        if not is_web_address(url):
            found.skipped.append(f"{url[:200]}: not a web address (http or https); skipped")
            continue
        if len(url) > MAX_FEED_ADDRESS:
            found.skipped.append(f"{url[:200]}…: too long to be a feed's address; skipped")
            continue
        if url in seen:
            continue
        seen.add(url)
        keep = outline.get("readerKeep") or ""
        found.feeds.append(
            Outline(
                url,
                label or url[:200],
                int(keep) if keep.isascii() and keep.isdigit() and len(keep) < 7 else 0,
            )
        )
    return found
