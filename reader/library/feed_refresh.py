"""Refreshing followed feeds: what is new comes in, cleaned, unread, once.

`refresh_feeds` fetches every feed at once on a bounded pool of threads (`jobs`), each
feed on its own, so the whole takes about as long as the slowest feed plus the cleaning,
not the sum; a feed that hangs, redirects forever or serves junk fails alone, with its
one-line reason. For each feed:

1. the feed is fetched with the fetch limits and deadline of `reader add` (10 MB,
   `timeout` seconds for the whole answer), conditionally: with the ETag and Last-Modified
   of its last answer, so an unchanged feed is one small request answered 304;
2. its items' links are resolved against the feed and kept only if http(s) (issue 13's
   rule: a hostile feed gets nothing more than `reader add` gives it); an item already
   taken (the feed's `seen` list), or whose address or cleaned text is in the library,
   is skipped;
3. the newest `limit` new items are fetched and cleaned to their story (`reader add`'s
   pipeline), oldest first, and added unread, marked with their feed; older new items
   are passed over for good;
4. with the feed's `keep` N, the oldest articles of the feed beyond the newest N that are
   unread, not archived and carry no annotation are removed (record and file), checked
   inside the database's locked save: an article with annotations is never removed.

Items that failed (a 404, a page with no story, the feed's time budget spent) are not
marked seen: they are tried again the next time the feed changes (an unchanged feed is
not read again, so a dead link costs nothing until then). A link that is not http(s) is
reported once and then remembered as seen. Writes to the library go through `writer` (the app passes its saving thread; on
the command line a lock), one item at a time, so new articles appear as they arrive.
"""

from __future__ import annotations

import errno
import resource
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from reader.core.addresses import credentials_hidden, without_credentials
from reader.core.records import now
from reader.core.text import clean_line, shown_name
from reader.core.wording import plural
from reader.library.adding import (
    AddError,
    AddResult,
    linked_address,
    prepare,
    present_by_url,
    store_prepared,
)
from reader.library.article_files import ArticleError, is_article_file
from reader.library.feed_discovery import (
    MAX_ITEMS,
    has_more_items,
    is_feed,
    links_as_given,
    parse_feed,
)
from reader.library.fetching import (
    FEED_TYPES,
    HTML_TYPES,
    TIMEOUT_SECONDS,
    FetchCancelled,
    FetchError,
    fetch,
)
from reader.library.folder import Library
from reader.library.subscriptions import Feed, Subscriptions, seen_key

T = TypeVar("T")
Writer = Callable[[Callable[[], Any]], Any]
JOBS = 16  # feeds fetched at once
LIMIT = 20  # new items taken per feed and refresh
FEED_BUDGET = 4  # a feed's items stop being fetched after this many time-outs in all


@dataclass
class FeedResult:
    """What one refresh did to one feed. `status`: new, unchanged or failed."""

    name: str
    url: str
    status: str
    added: list[AddResult] = field(default_factory=list)
    reason: str = ""
    not_modified: bool = False
    item_errors: list[str] = field(default_factory=list)
    passed_over: int = 0  # new items older than the newest `limit`
    removed: int = 0  # articles removed by `keep`
    cut: bool = False  # the feed holds more items than are read (`MAX_ITEMS`)

    def line(self) -> str:
        """The one line a person reads: `name: new 3`, `name: unchanged`, `name: failed: …`."""
        if self.status == "failed":
            return f"{self.name}: failed: {self.reason}"
        if self.status == "unchanged":  # (with items it could not add, it did change)
            head = f"{self.name}: " + ("nothing new" if self.item_errors else "unchanged")
        else:
            head = f"{self.name}: new {len(self.added)}"
        notes = []
        if self.item_errors:
            count = len(self.item_errors)
            notes.append(f"{plural(count, 'item')} not added ({' | '.join(self.item_errors)})")
        if self.passed_over:
            notes.append(f"{self.passed_over} older passed over")
        if self.removed:
            notes.append(f"{self.removed} removed by keep")
        if self.cut:
            notes.append(f"only its first {MAX_ITEMS:,} items read")
        return head + (f"; {'; '.join(notes)}" if notes else "")

    def lines(self) -> list[str]:
        """`line()` for a terminal: each item not added on a line of its own, with its
        address as the feed gives it and why; then each new article whose title another
        article has (a story corrected under a new address came in as a second article,
        where `reader add` said so and refresh did not)."""
        twins = [
            f"  {shown_name(a.path)} has the title of {shown_name(a.same_title)}: if it is a "
            "new copy of that story, delete one (each keeps its own annotations)"
            for a in self.added
            if a.same_title
        ]
        if not self.item_errors:
            return [self.line(), *twins]
        head = FeedResult(**{**self.__dict__, "item_errors": []}).line()
        count = plural(len(self.item_errors), "item")
        errors = [f"  {error}" for error in self.item_errors]
        return [f"{head}; {count} not added:", *errors, *twins]

    def as_json(self) -> dict[str, Any]:
        return {
            "feed": self.name,
            "url": without_credentials(self.url),
            "status": self.status,
            "new": [
                {
                    "title": a.title,
                    "path": a.path,
                    **({"same_title": a.same_title} if a.same_title else {}),
                }
                for a in self.added
            ],
            "not_modified": self.not_modified,
            "reason": self.reason,
            "item_errors": self.item_errors,
            "removed": self.removed,
        }


@dataclass
class _Outcome:
    """A feed's result, and what its entry in the feeds file learns."""

    result: FeedResult
    url: str
    etag: str | None = None  # None: keep what the file has
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)
    fetched_from: str = ""  # the feed's address after redirects: what names its items


def locked_writer() -> Writer:
    """A writer for the command line: one write at a time, on the calling thread."""
    lock = threading.Lock()

    def write(operation: Callable[[], T]) -> T:
        with lock:
            return operation()

    return write


def refresh_feeds(
    library: Library,
    subscriptions: Subscriptions,
    only: Iterable[str] = (),
    *,
    timeout: float = TIMEOUT_SECONDS,
    jobs: int = JOBS,
    limit: int = LIMIT,
    writer: Writer | None = None,
    on_result: Callable[[FeedResult], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[FeedResult]:
    """Refresh the followed feeds (those named or at the addresses in `only`, else all);
    each feed's result, in the order they were followed. `on_result` hears each as it
    ends (from a worker thread). The feeds file learns validators and seen items."""
    from reader.library.subscriptions import find

    feeds = subscriptions.feeds()
    wanted = list(only)
    if wanted:
        chosen: list[Feed] = []
        for name in wanted:
            feed = find(feeds, name)
            if feed is None:
                raise AddError(f"{name}: not a followed feed; `reader follow --list` lists them")
            if feed not in chosen:
                chosen.append(feed)
        feeds = chosen
    if not feeds:
        return []
    write = writer or locked_writer()
    stop = cancelled or (lambda: False)

    def one(feed: Feed) -> _Outcome:
        try:
            _forget_password(library, feed, write)
            outcome = _refresh_one(library, feed, timeout, limit, write, stop)
        except FetchCancelled:
            outcome = _Outcome(FeedResult(feed.name, feed.url, "failed", reason="stopped"), "")
        except Exception as error:  # a bug, or the machine out of something: not the others
            reason = unexpected_reason(error)
            outcome = _Outcome(FeedResult(feed.name, feed.url, "failed", reason=reason), feed.url)
        result = outcome.result  # (said and kept without the feed's user name and password)
        result.reason = credentials_hidden(result.reason)
        result.item_errors = [credentials_hidden(error) for error in result.item_errors]
        if on_result is not None:
            on_result(result)
        return outcome

    workers = max(1, min(jobs, len(feeds), workers_the_files_allow()))
    started = []
    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="reader-feed") as pool:
            for feed in feeds:
                started.append(pool.submit(one, feed))
    except RuntimeError:  # no thread could be started (out of memory or of threads): those
        pass  # started have ended (the pool waits for them); the rest run on this thread
    outcomes = [future.result() for future in started]
    outcomes += [one(feed) for feed in feeds[len(started) :]]
    _remember(subscriptions, [o for o in outcomes if o.url])
    return [o.result for o in outcomes]


def _remember(subscriptions: Subscriptions, outcomes: list[_Outcome]) -> None:
    """Write what the refresh learned into the feeds file, in one locked change (a feed
    removed meanwhile stays removed)."""
    if not outcomes:
        return
    stamp = now()
    with subscriptions.editing() as feeds:
        by_url = {feed.url: feed for feed in feeds}
        for outcome in outcomes:
            feed = by_url.get(outcome.url)
            if feed is None:
                continue
            if outcome.etag is not None:
                feed.etag = outcome.etag
            if outcome.last_modified is not None:
                feed.last_modified = outcome.last_modified
            feed.remember(outcome.seen)
            feed.refreshed = stamp
            feed.status = outcome.result.line().removeprefix(f"{outcome.result.name}: ")[:300]


def _refresh_one(
    library: Library,
    feed: Feed,
    timeout: float,
    limit: int,
    write: Writer,
    stop: Callable[[], bool],
) -> _Outcome:
    result = FeedResult(feed.name, feed.url, "new")
    try:
        fetched = fetch(
            feed.url,
            accept=FEED_TYPES + HTML_TYPES,
            timeout=timeout,
            cancelled=stop,
            etag=feed.etag,
            last_modified=feed.last_modified,
        )
    except FetchCancelled:
        raise
    except FetchError as error:
        result.status, result.reason = "failed", _reason(str(error), feed.url)
        return _Outcome(result, feed.url)
    if fetched.not_modified:
        result.status, result.not_modified = "unchanged", True
        return _Outcome(result, feed.url)
    parsed = parse_feed(fetched.body)
    if not is_feed(parsed):
        result.status = "failed"
        result.reason = (
            "not an RSS, Atom or JSON feed; check the address (reader follow finds a feed)"
        )
        return _Outcome(result, feed.url)
    outcome = _Outcome(result, feed.url, fetched_from=fetched.url)
    result.cut = has_more_items(fetched.body, parsed=parsed)
    given = links_as_given(fetched.body)
    candidates = _new_items(library, feed, fetched.url, parsed.entries, outcome, given)
    wanted = min(limit, feed.keep) if feed.keep else limit
    rest = candidates[wanted:]  # older than the newest `wanted`: passed over, unless…
    batch = candidates[:wanted]
    deadline = time.monotonic() + FEED_BUDGET * timeout
    while batch:
        present = 0
        for address in reversed(batch):  # oldest first: ids grow with recency
            status = _take_item(library, feed, address, write, stop, deadline, timeout, outcome)
            present += status == "present"
        # …an item found in the library meanwhile (another feed of this refresh brought the
        # story) takes no place: the next older comes in for it (it was passed over for
        # good, and a feed with --keep 3 was left with 2)
        batch, rest = rest[:present], rest[present:]
    result.passed_over = len(rest)
    outcome.seen += rest
    if feed.keep:
        result.removed = write(lambda: prune(library, feed.url, feed.keep))
    if not result.added:
        result.status = "unchanged"
    # An item not added is tried again at the next refresh, so the feed is then fetched
    # whole: kept, its validators had the server answer "not modified", and the item (a
    # page that answered 404 for a moment, "next refresh" promised) waited, unsaid, until
    # the feed itself changed (found by a newcomer)
    fresh = ("", "") if result.item_errors else (fetched.etag, fetched.last_modified)
    outcome.etag, outcome.last_modified = fresh
    return outcome


def _forget_password(library: Library, feed: Feed, write: Writer) -> None:
    """Articles an older Reader brought from a feed followed with a user name and password
    kept its address whole, in reader.json (which a team commits): they keep it without
    them now, at the feed's next refresh."""
    public = without_credentials(feed.url)
    if public == feed.url:
        return
    store = library.store
    kept = [r.id for r in store.articles() if r.feed == feed.url]
    if kept:
        write(lambda: store.set_reading_state(kept, feed=public))


def _take_item(
    library: Library,
    feed: Feed,
    address: str,
    write: Writer,
    stop: Callable[[], bool],
    deadline: float,
    timeout: float,
    outcome: _Outcome,
) -> str:
    """Fetch, clean and store one item of a feed; what became of it: "added", "present"
    (the library had it), or "" (not taken: said in the feed's item errors)."""
    result = outcome.result
    if stop():
        raise FetchCancelled(f"{feed.url}: cancelled")
    if time.monotonic() > deadline:
        result.item_errors.append(f"{address}: the feed's time ran out; next refresh")
        return ""
    try:
        prepared = prepare(
            address,
            timeout=timeout,
            library=library,
            cancelled=stop,
            named_by=outcome.fetched_from or feed.url,
        )
    except FetchCancelled:
        raise
    except (AddError, ArticleError) as error:
        result.item_errors.append(_item_error(address, error))
        return ""
    except Exception as error:
        # a page that breaks the reading of it (a bug): that item only, said and tried
        # again next time, the rest still come in (it had failed its whole feed at
        # every refresh, so nothing published after it was ever added)
        result.item_errors.append(f"{address}: {unexpected_reason(error)}"[:300])
        return ""
    try:
        added = write(lambda: _store(library, prepared, feed.url))
    except (AddError, ArticleError) as error:
        result.item_errors.append(_item_error(address, error))
        return ""
    outcome.seen.append(address)
    if added.status == "added":
        result.added.append(added)
    return added.status


def _new_items(
    library: Library,
    feed: Feed,
    base: str,
    entries: list[Any],
    outcome: _Outcome,
    given: dict[str, str] | None = None,
) -> list[str]:
    """The http(s) addresses of the feed's items not taken before, newest first; a link
    refused is named as the feed wrote it (`given`: `links_as_given`)."""
    dated = sorted(
        (e for e in entries if e.get("link")),
        key=lambda e: tuple(e.get("published_parsed") or e.get("updated_parsed") or ()),
        reverse=True,
    )
    seen = feed.has_seen()
    found: list[str] = []
    for entry in dated:
        try:
            address = linked_address(base, entry["link"])
        except AddError as error:
            link = clean_line(str(entry["link"]))[:500]
            if seen_key(link) in seen:
                outcome.seen.append(link)  # (still listed: remembered as one of the newest)
            else:  # said once; then remembered, as a taken item is
                written = (given or {}).get(str(entry["link"]))
                message = str(error)
                if written:
                    message = clean_line(written)[:200] + message[len(link[:200]) :]
                outcome.result.item_errors.append(message)
                outcome.seen.append(link)
            continue
        if seen_key(address) in seen:
            outcome.seen.append(address)  # (still listed: never forgotten while it is)
            continue
        if address in found:
            continue
        if present_by_url(library, address) is not None:
            outcome.seen.append(address)  # added by hand, or by an earlier refresh
            continue
        found.append(address)
    return found


def _item_error(address: str, error: Exception) -> str:
    """One line for an item not added, naming it."""
    reason = clean_line(str(error))
    return (reason if address in reason else f"{address}: {reason}")[:300]


def _store(library: Library, prepared: Any, feed_url: str) -> AddResult:
    """Put one cleaned item in the library, unread and marked with its feed (one save)."""
    store = library.store
    with store.batch():
        result = store_prepared(library, prepared)
        if result.status == "added":
            record = store.article_by_path(result.path)
            if record is not None:
                store.set_reading_state([record.id], read=False, feed=without_credentials(feed_url))
    return result


def prune(library: Library, feed_url: str, keep: int) -> int:
    """Remove the feed's unread, unarchived articles without annotations beyond the `keep`
    that came in last; how many were removed. Each removal is checked again inside the
    locked save (an annotation made meanwhile, in any Reader, keeps its article), and an
    article a Reader app has on screen stays.

    Articles go in the order they came in, not by the date a page gives itself: a page
    with no date counted as the oldest and was removed in the refresh that brought it, and
    one dated 2099 was kept for ever."""
    store = library.store
    # (stored without the feed's user name and password; with them before)
    addresses = {feed_url, without_credentials(feed_url)}
    records = [r for r in store.articles() if r.feed in addresses and not r.missing]
    records.sort(key=lambda r: (r.added or "", r.id), reverse=True)
    folder = library.folder.resolve()
    removed = 0
    for record in records[keep:]:
        if record.read or record.archived or store.annotation_count(record.id):
            continue
        if store.article_on_screen(record.id):
            continue  # (the article an app reopened at start, unread, with a tag being typed)
        path = (library.folder / record.path).resolve()
        if not (path.is_relative_to(folder) and is_article_file(path)):
            continue  # not a file of this library: leave it alone

        def delete(path: Any = path) -> None:
            path.unlink(missing_ok=True)

        if store.remove_article(record.id, then=delete):
            removed += 1
    return removed


_FILES_PER_WORKER = 6  # a feed's worker holds an event loop (3 files), a socket, a file


def workers_the_files_allow() -> int:
    """How many feeds may be fetched at once within the open-files limit (`ulimit -n`),
    leaving room for the database, its journal and lock, and Python's own."""
    try:
        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (OSError, ValueError):
        return JOBS
    if soft == resource.RLIM_INFINITY:
        return JOBS
    return max(1, (soft - 20) // _FILES_PER_WORKER)


def unexpected_reason(error: BaseException) -> str:
    """Why a feed failed, in words, for an error no step of the refresh expected: the
    machine out of files, memory or threads, a library folder that cannot be written, or
    a bug (named, to be reported)."""
    number = getattr(error, "errno", None)
    if number in (errno.EMFILE, errno.ENFILE):
        return "too many files open at once: refresh with fewer --jobs, or raise `ulimit -n`"
    if number == errno.ENOMEM or isinstance(error, MemoryError):
        return "out of memory: refresh with fewer --jobs, or close other programs"
    if isinstance(error, ImportError):
        return "a part of Reader could not be loaded (out of memory or files?): try again"
    if isinstance(error, RuntimeError) and "thread" in str(error):
        return "no thread could be started (out of memory?): refresh with --jobs 1"
    if isinstance(error, OSError) and error.strerror:
        where = f"{error.filename}: " if error.filename else ""
        return clean_line(f"{where}{error.strerror}")[:300]
    if type(error).__name__ == "StoreError":  # (its message is a sentence already)
        return clean_line(str(error))[:300]
    return f"unexpected error ({type(error).__name__}: {clean_line(str(error))[:200]}); please report it"


def _reason(message: str, url: str) -> str:
    """An error's message without the address the line already names by the feed."""
    reason = clean_line(message.removeprefix(f"{url}: "))
    # A page's advice ("save the page and add the file") is not a feed's.
    reason = reason.replace("try again later or save the page and add the file", "try again later")
    return reason[:300]
