"""The feeds a library follows: a small JSON file beside the database, written atomically.

`reader.feeds.json` sits next to `reader.json` (in the library folder by default), so the
folder moves and syncs whole. It holds, for each followed feed: its address, the name the
user knows it by, its `keep` (0: keep everything; N: after a refresh, the oldest unread,
untagged articles beyond the newest N are removed), the validators of its last answer
(ETag, Last-Modified) for conditional requests, when it was last refreshed and how that
went, and the addresses of the items already taken (`seen`, the newest `SEEN_LIMIT`), so
that an item removed by `keep` or by hand never comes back.

It is not in the database because it changes on every refresh and only Reader's feeds
read it: the database file stays what it was (no schema change), and a damaged feeds file
can never make the annotations unopenable. Every change holds an OS file lock
(`.reader.feeds.json.lock`) across read-change-write, so a refresh in the app and a
`reader follow` in a shell never lose each other's changes. A damaged file is refused in
one line and never overwritten. Nothing here touches the network.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import msgspec
from filelock import FileLock, Timeout

from reader.core.files import open_regular
from reader.core.text import clean_line
from reader.storage.atomic import write_atomically
from reader.storage.json_keys import key_used_twice, used_twice_message

FEEDS_VERSION = 1
SEEN_LIMIT = 2000  # item addresses remembered per feed (a feed lists 10 to 100)
MAX_FEED_ADDRESS = 2_000  # characters of a feed's own address (longer: no feed's)
SEEN_ADDRESS_BYTES = 500  # an address longer in the file is remembered by its digest
SEEN_BYTES = 100_000  # of remembered addresses per feed (a thousand of common length)
MAX_FILE_BYTES = 20 * 1024 * 1024
FOLLOWING_BYTES = MAX_FILE_BYTES // 2  # what following feeds may fill: room left for refreshes
LOCK_TIMEOUT = 15.0


class FeedError(Exception):
    """A feeds file or a subscription that cannot be used; one line for the user."""


class Feed(msgspec.Struct, kw_only=True):
    """One followed feed (see the module docstring for each field)."""

    url: str
    name: str
    keep: int = 0
    etag: str = ""
    last_modified: str = ""
    refreshed: str = ""
    status: str = ""
    seen: list[str] = msgspec.field(default_factory=list)

    def remember(self, addresses: list[str]) -> None:
        """Remember item addresses as the newest of `seen` (those given again move up: a
        refresh gives every item the feed still lists), keeping the newest SEEN_LIMIT and
        no more than SEEN_BYTES of those the feed no longer listed this time (an item the
        feed lists is never forgotten: cut, one `--keep` had removed came back)."""
        if not addresses:  # (a feed not modified since: nothing learned, nothing cut)
            return
        given = dict.fromkeys(seen_key(address) for address in addresses)
        older = [key for key in self.seen if key not in given]
        room = SEEN_LIMIT - len(given)
        older = older[-room:] if room > 0 else []
        size = sum(map(_written_size, older)) + sum(map(_written_size, given))
        cut = 0
        while size > SEEN_BYTES and cut < len(older):
            size -= _written_size(older[cut])
            cut += 1
        self.seen = [*older[cut:], *given]

    def forget_oldest(self, share: float = 0.5) -> bool:
        """Forget the oldest `share` of `seen` (to keep the feeds file within its bound);
        False when nothing is left to forget."""
        cut = int(len(self.seen) * share) or len(self.seen)
        del self.seen[:cut]
        return cut > 0

    def has_seen(self) -> set[str]:
        """`seen` to look addresses up in, by `seen_key` (an address an older Reader kept as
        written, over `SEEN_ADDRESS_BYTES`, by its digest too)."""
        return set(self.seen) | {
            seen_key(key) for key in self.seen if not key.startswith("sha256:")
        }


def _forget_some(feeds: list[Feed]) -> bool:
    """Forget the oldest half of the longest list of item addresses; False when none is
    left (a feeds file of a hundred busy feeds, or one near its bound, kept refusing every
    refresh, which then forgot what it had taken and removed)."""
    longest = max(feeds, key=lambda feed: len(feed.seen), default=None)
    return longest is not None and bool(longest.seen) and longest.forget_oldest()


def _written_size(text: str) -> int:
    """The bytes a string takes in the feeds file (JSON doubles a backslash, writes a
    control character in six)."""
    return len(_ENCODER.encode(text))


def seen_key(address: str) -> str:
    """How `seen` holds an item's address: as it is, or a digest of one that takes over
    `SEEN_ADDRESS_BYTES` in the file (a feed of 500 links of 19,000 backslashes each, which
    JSON doubles, made a feeds file over its own 20 MB bound in two refreshes, and every
    feed command then refused it)."""
    if _written_size(address) <= SEEN_ADDRESS_BYTES:
        return address
    return "sha256:" + hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()


class _File(msgspec.Struct):
    version: int = FEEDS_VERSION
    feeds: list[Feed] = msgspec.field(default_factory=list)


class _Stored(msgspec.Struct):
    """The file as it must be on disk: both keys there (`{}`, or another tool's JSON, is
    not a feeds file to read as "no feeds" and then write over)."""

    version: int
    feeds: list[Feed]


_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(_Stored)


def feeds_path(db: Path) -> Path:
    """The feeds file of the database `db`: `reader.feeds.json` beside `reader.json`."""
    return db.with_name(f"{db.stem}.feeds.json")


class Subscriptions:
    """The followed feeds of one library, read and changed under a file lock."""

    def __init__(self, db: Path) -> None:
        self.path = feeds_path(Path(db))
        self._lock = FileLock(str(self.path.with_name(f".{self.path.name}.lock")), LOCK_TIMEOUT)

    def feeds(self) -> list[Feed]:
        """The feeds followed now (none when the file does not exist yet)."""
        return self._read().feeds

    @contextlib.contextmanager
    def editing(self, limit: int = MAX_FILE_BYTES) -> Iterator[list[Feed]]:
        """The feeds, to change in place; written back atomically at the end of the block
        (not when it raises), all under the file lock. A file that would pass `limit`
        forgets the oldest item addresses of its longest lists first, then refuses the
        change (following feeds asks for half the bound: room for what refreshes learn)."""
        try:
            self._lock.acquire()
        except Timeout:
            raise FeedError(
                f"{self.path}: another Reader has been changing the feeds for "
                f"{LOCK_TIMEOUT:.0f} s; try again"
            ) from None
        except OSError as error:
            raise FeedError(f"{self.path}: cannot lock it ({error.strerror})") from None
        try:
            data = self._read()
            before = _ENCODER.encode(data)
            yield data.feeds
            after = _ENCODER.encode(data)
            if after != before:
                formatted = msgspec.json.format(after)
                while len(formatted) > limit and _forget_some(data.feeds):
                    formatted = msgspec.json.format(_ENCODER.encode(data))
                if len(formatted) > min(limit, MAX_FILE_BYTES):  # (never one Reader refuses)
                    raise FeedError(
                        f"{self.path}: the feeds would take over {limit >> 20} MB; nothing "
                        "was changed (follow fewer feeds)"
                    )
                try:
                    write_atomically(self.path, formatted)
                except OSError as error:
                    raise FeedError(
                        f"{self.path}: could not save the feeds ({error.strerror}); the file "
                        "on disk is unchanged"
                    ) from None
        finally:
            self._lock.release()

    def _read(self) -> _File:
        try:
            with open_regular(self.path) as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return _File()
        except OSError as error:
            raise FeedError(f"{self.path}: cannot read it ({error.strerror})") from None
        if len(raw) > MAX_FILE_BYTES:
            raise FeedError(f"{self.path}: over {MAX_FILE_BYTES >> 20} MB, not a feeds file")
        if (key := key_used_twice(raw)) is not None:  # (the next save would drop one)
            remedy = "or move it away and follow the feeds again (--import an OPML file)"
            raise FeedError(f"{self.path}: {used_twice_message(key, remedy)}")
        try:
            stored = _DECODER.decode(raw)
            data = _File(stored.version, stored.feeds)
        except (msgspec.DecodeError, msgspec.ValidationError, RecursionError) as error:
            raise FeedError(
                f"{self.path}: damaged ({clean_line(str(error))}); Reader will not overwrite "
                "it: fix it, or move it away and follow the feeds again (--import an OPML file)"
            ) from None
        if data.version > FEEDS_VERSION:
            raise FeedError(f"{self.path}: written by a newer Reader; upgrade Reader")
        for feed in data.feeds:
            feed.name = clean_line(feed.name)[:200] or feed.url
            feed.keep = max(0, feed.keep)
        return data


def find(feeds: list[Feed], name_or_url: str) -> Feed | None:
    """The feed at the address `name_or_url`, else the one named so (case and spaces
    forgiven): an address is looked for first, so that a feed titled with another feed's
    address cannot stand for it (`follow --remove URL` had removed the impostor)."""
    found = at_address(feeds, name_or_url.strip())
    if found is not None:
        return found
    wanted = name_key(name_or_url)
    for feed in feeds:
        if name_key(feed.name) == wanted:
            return feed
    return None


def at_address(feeds: list[Feed], url: str) -> Feed | None:
    """The feed followed at this address, if any: the same address but for the case of its
    scheme and host, which name no other place ("HTTP://Example.org/rss" followed a feed a
    second time), and for a user name and password (Reader shows the address without them,
    and `--remove` with it as shown found no feed)."""
    wanted = address_key(url)
    return next((feed for feed in feeds if address_key(feed.url) == wanted), None)


def address_key(url: str) -> str:
    """An address as compared: its scheme and host in lower case, without a user name and
    password, the rest as written."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(scheme=parts.scheme.lower(), netloc=host.lower()).geturl()


def name_key(name: str) -> str:
    """How feed names are compared: spaces and case forgiven."""
    return " ".join(name.split()).casefold()


def unique_name(
    feeds: list[Feed],
    name: str,
    taken: set[str] | None = None,
    numbers: dict[str, int] | None = None,
) -> str:
    """`name`, or `name (2)`, `name (3)`... so that no two feeds share a name. For many
    names at once, pass `taken` (the keys of the names in use, kept up to date here) and
    `numbers` (the last number given to each name): each name then costs the same however
    many there are (an OPML file of 10,000 took 10 s, one a name at a time)."""
    if taken is None:
        taken = {name_key(feed.name) for feed in feeds}
    key = name_key(name)
    candidate, number = name, (numbers or {}).get(key, 1)
    if number > 1:
        candidate = f"{name} ({number})"
    while name_key(candidate) in taken:
        number += 1
        candidate = f"{name} ({number})"
    if numbers is not None:
        numbers[key] = number
    taken.add(name_key(candidate))
    return candidate
