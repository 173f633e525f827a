"""Following feeds and refreshing them, against local news sites on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.records import new_annotation
from reader.library.feed_refresh import FeedResult, refresh_feeds
from reader.library.folder import Library
from reader.library.following import follow, import_opml
from reader.library.opml import OpmlError, parse_opml, to_opml
from reader.library.subscriptions import (
    SEEN_BYTES,
    Feed,
    FeedError,
    Subscriptions,
    find,
    seen_key,
)
from reader.storage.database import Store
from tests.helpers.feed_site import FeedSite, serve_feeds

TIMEOUT = 1.0  # a deadline short enough for a test, long enough for a loaded machine


@pytest.fixture
def news() -> Iterator[FeedSite]:
    with serve_feeds() as site:
        yield site


def _open(library: Path) -> tuple[Store, Library, Subscriptions]:
    store = Store(library / "reader.json")
    return store, Library(library, store), Subscriptions(library / "reader.json")


def _refresh(library: Library, subscriptions: Subscriptions, **options: object) -> dict[str, str]:
    results = refresh_feeds(library, subscriptions, timeout=TIMEOUT, **options)  # type: ignore[arg-type]
    return {r.name: r.line() for r in results}


def test_new_items_come_in_once_unread_and_marked_with_their_feed(
    news: FeedSite, empty_library: Path
) -> None:
    store, library, subscriptions = _open(empty_library)
    city = follow(subscriptions, news.add_feed("city"), timeout=TIMEOUT).feed
    follow(subscriptions, news.add_feed("county", stories=2), timeout=TIMEOUT)

    assert _refresh(library, subscriptions) == {
        "City News": "City News: new 3",
        "County News": "County News: new 2",
    }
    records = store.articles()
    assert len(records) == 5 and len(list(empty_library.glob("*.md"))) == 5
    assert all(not r.read and not r.archived for r in records)
    assert {r.feed for r in records} == {city.url, news.feed_url("county")}
    text = library.load(next(r for r in records if r.feed == city.url)).text
    assert "said Mara Quill" in text and "Copyright" not in text  # cleaned to the story

    pages_before = sum(news.count(f"/city/{n}.html") for n in range(1, 4))
    assert _refresh(library, subscriptions) == {
        "City News": "City News: unchanged",
        "County News": "County News: unchanged",
    }
    assert news.not_modified == {"city": 1, "county": 1}  # one small request each
    assert sum(news.count(f"/city/{n}.html") for n in range(1, 4)) == pages_before

    news.add_story("city", "Bridge reopens after a year")  # the next day
    assert _refresh(library, subscriptions)["City News"] == "City News: new 1"
    [new] = [r for r in store.articles() if r.title == "Bridge reopens after a year"]
    assert not new.read and len(store.articles()) == 6
    store.close()


def test_a_refresh_cleans_what_the_site_repeats_as_reader_add_does(
    news: FeedSite, empty_library: Path
) -> None:
    """A reporter's line at the end of every story stayed in each one a refresh brought,
    where `reader add` of the same page took it out (a journalist's finding): the refresh
    never read what the library had seen of the site."""
    bio = (
        "Sarah Whitfield is the Courier's agriculture and education reporter. Reach her at "
        "swhitfield@valleycourier.example."
    )
    store, library, subscriptions = _open(empty_library)
    follow(subscriptions, news.add_feed("courier", trailer=bio), timeout=TIMEOUT)
    assert _refresh(library, subscriptions)["Courier News"] == "Courier News: new 3"
    texts = {r.title: library.load(r).text for r in store.articles()}
    third = max(texts, key=lambda title: int(title.rsplit(" ", 1)[1]))
    assert "said Mara Quill" in texts[third] and "Sarah Whitfield" not in texts[third]
    store.close()


def test_an_item_not_added_is_tried_again_at_the_next_refresh(
    news: FeedSite, empty_library: Path
) -> None:
    """A page that answered 404 for a moment was said "not added", and the next refresh
    asked the feed with its validators: "not modified", "unchanged", the item forgotten
    until the feed itself changed (found by a newcomer). After an item not added, the feed
    is fetched whole and the item tried again."""
    store, library, subscriptions = _open(empty_library)
    follow(subscriptions, news.add_feed("city"), timeout=TIMEOUT)
    news.feeds["city"].missing.add(2)
    assert _refresh(library, subscriptions)["City News"].startswith(
        "City News: new 2; 1 item not added"
    )
    again = _refresh(library, subscriptions)["City News"]  # (still missing: said again)
    assert again.startswith("City News: nothing new; 1 item not added"), again
    news.feeds["city"].missing.clear()  # the page is back
    assert _refresh(library, subscriptions)["City News"] == "City News: new 1"
    assert len(store.articles()) == 3
    assert _refresh(library, subscriptions)["City News"] == "City News: unchanged"
    assert news.not_modified == {"city": 1}  # (validators kept again once all came in)
    store.close()


def test_an_item_already_in_the_library_is_not_added_again(
    news: FeedSite, empty_library: Path
) -> None:
    store, library, subscriptions = _open(empty_library)
    url = news.add_feed("city")
    from reader.library.adding import add_web_page

    add_web_page(library, f"{news.base}/city/2.html")  # added by hand first
    follow(subscriptions, url, timeout=TIMEOUT)
    assert _refresh(library, subscriptions) == {"City News": "City News: new 2"}
    by_hand = store.article_by_path("city-school-story-2.md") or next(
        r for r in store.articles() if r.url and r.url.endswith("/city/2.html")
    )
    assert by_hand.read and by_hand.feed is None  # untouched
    assert len(store.articles()) == 3
    store.close()


def test_a_slow_a_junk_and_a_looping_feed_fail_alone(news: FeedSite, empty_library: Path) -> None:
    store, library, subscriptions = _open(empty_library)
    follow(subscriptions, news.add_feed("city"), timeout=TIMEOUT)
    news.add_feed("slow", delay=4 * TIMEOUT)
    news.add_feed("junk", junk=True)
    news.add_feed("loop", loop=True)
    with subscriptions.editing() as feeds:
        feeds += [Feed(url=news.feed_url(name), name=name) for name in ("slow", "junk", "loop")]
    heard: list[FeedResult] = []
    started = time.monotonic()
    lines = _refresh(library, subscriptions, on_result=heard.append)
    took = time.monotonic() - started

    assert lines["City News"] == "City News: new 3"
    assert lines["slow"].startswith(f"slow: failed: no complete answer within {TIMEOUT:g} s")
    assert lines["junk"].startswith("junk: failed: not an RSS, Atom or JSON feed")
    assert lines["loop"] == "loop: failed: too many redirects"
    assert len(heard) == 4 and all("\n" not in line for line in lines.values())
    assert took < 3 * TIMEOUT  # the slow feed's deadline, not its answer, nor a sum
    assert len(store.articles()) == 3
    store.close()


def test_a_page_that_names_its_feed_is_followed_by_that_feed(
    news: FeedSite, empty_library: Path
) -> None:
    news.add_feed("city")
    subscriptions = Subscriptions(empty_library / "reader.json")
    followed = follow(subscriptions, news.page_url("city"), timeout=TIMEOUT)
    assert followed.status == "followed"
    assert followed.feed.url == news.feed_url("city")
    assert followed.feed.name == "City News"
    again = follow(subscriptions, news.feed_url("city"), keep=5, timeout=TIMEOUT)
    assert again.status == "changed" and subscriptions.feeds()[0].keep == 5


def test_something_that_is_no_feed_is_not_followed(news: FeedSite, empty_library: Path) -> None:
    news.add_feed("junk", junk=True)
    subscriptions = Subscriptions(empty_library / "reader.json")
    with pytest.raises(FeedError, match="neither an RSS, Atom or JSON feed"):
        follow(subscriptions, news.feed_url("junk"), timeout=TIMEOUT)
    with pytest.raises(FeedError) as named:  # a page naming a feed that is none
        follow(subscriptions, news.page_url("junk"), timeout=TIMEOUT)
    assert str(named.value) == (
        f"{news.page_url('junk')}: the page names the feed {news.feed_url('junk')}, which "
        "could not be read (not an RSS, Atom or JSON feed); give the feed's address if you know another"
    )
    with pytest.raises(FeedError, match="404"):
        follow(subscriptions, f"{news.base}/nowhere/rss.xml", timeout=TIMEOUT)
    with pytest.raises(FeedError, match="not a web address"):
        follow(subscriptions, "file:///etc/passwd")
    assert subscriptions.feeds() == []
    assert not (empty_library / "reader.feeds.json").exists()


def test_a_feed_item_pointing_at_a_local_file_is_skipped(
    news: FeedSite, empty_library: Path
) -> None:
    store, library, subscriptions = _open(empty_library)
    follow(subscriptions, news.add_feed("city", local_link=True), timeout=TIMEOUT)
    [result] = refresh_feeds(library, subscriptions, timeout=TIMEOUT)
    assert result.status == "new" and len(result.added) == 3
    # `/etc/passwd` is a page of the feed's site (a 404 there); `file:` is never followed.
    assert result.item_errors == [
        "file:///etc/passwd: not a web address (http or https); skipped",  # as the feed has it
        f"{news.base}/etc/passwd: the server answered 404 Not Found",
    ]
    assert news.count("/etc/passwd") == 1
    news.add_story("city")
    [again] = refresh_feeds(library, subscriptions, timeout=TIMEOUT)
    assert again.line().startswith("City News: new 1; 1 item not added (http://")  # said once
    assert all("root:" not in p.read_text(encoding="utf-8") for p in empty_library.glob("*.md"))
    store.close()


def test_a_page_that_breaks_its_reading_costs_its_feed_that_item_only(
    news: FeedSite, empty_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (a page whose reading raised an unexpected error, as JSON-LD nested too deep did,
    # failed its whole feed at every refresh: nothing published after it came in)
    from reader.library import feed_refresh

    store, library, subscriptions = _open(empty_library)
    follow(subscriptions, news.add_feed("city"), timeout=TIMEOUT)
    prepare, broken = feed_refresh.prepare, []

    def breaks_once(address: str, **options: object) -> object:
        if not broken:
            broken.append(address)
            raise RecursionError("maximum recursion depth exceeded")
        return prepare(address, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(feed_refresh, "prepare", breaks_once)
    [result] = refresh_feeds(library, subscriptions, timeout=TIMEOUT)
    assert result.status == "new" and len(result.added) == 2
    assert result.item_errors == [
        f"{broken[0]}: unexpected error (RecursionError: maximum recursion depth exceeded); "
        "please report it"
    ]
    news.add_story("city")
    [again] = refresh_feeds(library, subscriptions, timeout=TIMEOUT)
    assert {a.source for a in again.added} == {broken[0], f"{news.base}/city/4.html"}
    assert again.item_errors == []  # (the item tried again, the new one come in)
    store.close()


def test_keep_removes_the_oldest_unread_but_never_an_annotated_article(
    news: FeedSite, empty_library: Path
) -> None:
    store, library, subscriptions = _open(empty_library)
    url = news.add_feed("city", stories=5)
    follow(subscriptions, url, timeout=TIMEOUT)
    refresh_feeds(library, subscriptions, timeout=TIMEOUT)
    oldest, second, third, *_ = sorted(store.articles(), key=lambda r: r.id)
    text = library.load(oldest).text
    start = text.index("We have waited")
    store.save_annotation(new_annotation(oldest.id, text, start, start + 20, source="Mara Quill"))
    store.set_reading_state([second.id], read=True)  # read: kept too

    follow(subscriptions, url, keep=1, timeout=TIMEOUT)
    news.add_story("city")
    [result] = refresh_feeds(library, subscriptions, timeout=TIMEOUT)

    assert result.line() == "City News: new 1; 3 removed by keep"
    left = {r.id for r in store.articles()}
    assert oldest.id in left and second.id in left and third.id not in left
    assert not (empty_library / third.path).exists()
    assert (empty_library / oldest.path).exists()
    assert len(store.annotations_for(oldest.id)) == 1
    # A removed item does not come back: the feed remembers it was taken.
    news.add_story("city")
    [again] = refresh_feeds(library, subscriptions, timeout=TIMEOUT)
    assert again.line() == "City News: new 1; 1 removed by keep"
    assert third.id not in {r.id for r in store.articles()}
    store.close()


def test_keep_goes_by_arrival_not_by_the_date_a_page_gives_itself(empty_library: Path) -> None:
    # a page that states no date counted as the oldest and was removed in the refresh
    # that brought it (and never came back); one dated 2099 was kept for ever
    from reader.library.feed_refresh import prune

    store, library, _subscriptions = _open(empty_library)
    feed = "https://example.org/rss"
    dated = [("far-future.md", "2099-01-01"), ("old.md", "2026-11-01"), ("new.md", None)]
    for number, (name, published) in enumerate(dated):
        (empty_library / name).write_text(f"Story {number}\n\nText of story {number}.\n")
        store.add_article(
            path=name,
            title=name,
            sha256=str(number),
            feed=feed,
            published=published,
            added=f"2026-12-0{number + 1}T10:00:00+00:00",
            read=False,
        )
    assert prune(library, feed, keep=2) == 1
    assert sorted(r.path for r in store.articles()) == ["new.md", "old.md"]
    store.close()


def test_keep_never_removes_an_article_a_reader_app_has_on_screen(
    news: FeedSite, empty_library: Path
) -> None:
    # the app reopens the article it showed last, unread; a `refresh` in a shell removed
    # it under the user, and the tag then typed on it was thrown away
    store, library, subscriptions = _open(empty_library)
    url = news.add_feed("city", stories=3)
    follow(subscriptions, url, timeout=TIMEOUT)
    refresh_feeds(library, subscriptions, timeout=TIMEOUT)
    oldest = min(store.articles(), key=lambda r: r.id)
    app = subprocess.Popen(  # another process: an app showing the oldest article
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from reader.storage.sessions import Viewing;"
            f"v = Viewing(Path(sys.argv[1])); v.show({oldest.id}); print('shown', flush=True);"
            "sys.stdin.read()",
            str(empty_library / "reader.json"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout is not None and app.stdout.readline() == "shown\n"
        follow(subscriptions, url, keep=1, timeout=TIMEOUT)
        news.add_story("city")
        [result] = refresh_feeds(library, subscriptions, timeout=TIMEOUT)
        assert result.line() == "City News: new 1; 2 removed by keep"
        assert oldest.id in {r.id for r in store.articles()}
    finally:
        app.communicate("")
    news.add_story("city")  # the app closed: it goes as any other
    refresh_feeds(library, subscriptions, timeout=TIMEOUT)
    assert oldest.id not in {r.id for r in store.articles()}
    store.close()


def test_opml_round_trip(empty_library: Path) -> None:
    subscriptions = Subscriptions(empty_library / "reader.json")
    with subscriptions.editing() as feeds:
        feeds += [
            Feed(url="https://example.org/rss", name="Example & Co <news>", keep=20),
            Feed(url="https://news.example.com/atom.xml", name="Ünïcode News"),
        ]
    document = to_opml(subscriptions.feeds())
    other = Subscriptions(empty_library / "other.json")
    report = import_opml(other, document, "feeds.opml")
    assert [(f.url, f.name, f.keep) for f in other.feeds()] == [
        ("https://example.org/rss", "Example & Co <news>", 20),
        ("https://news.example.com/atom.xml", "Ünïcode News", 0),
    ]
    assert len(report.followed) == 2
    assert import_opml(other, document, "feeds.opml").already == [
        "https://example.org/rss",
        "https://news.example.com/atom.xml",
    ]


def test_opml_from_other_readers_nested_in_folders() -> None:
    document = b"""<?xml version="1.0"?>
<opml version="1.0"><head><title>Feedly</title></head><body>
  <outline text="World" title="World">
    <outline type="rss" text="BBC World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"
      htmlUrl="https://www.bbc.co.uk/news/world"/>
    <outline type="rss" text="Local" xmlUrl="file:///home/me/secret.xml"/>
  </outline>
  <outline type="rss" title="Guardian" text="ignored" xmlUrl="https://www.theguardian.com/world/rss"/>
</body></opml>"""
    found = parse_opml(document, "feedly.opml")
    assert [(o.name, o.url) for o in found.feeds] == [
        ("BBC World", "https://feeds.bbci.co.uk/news/world/rss.xml"),
        ("Guardian", "https://www.theguardian.com/world/rss"),
    ]
    assert found.skipped == [
        "file:///home/me/secret.xml: not a web address (http or https); skipped"
    ]


@pytest.mark.parametrize(
    "document",
    [
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">'
        b']><opml version="2.0"><body><outline text="&b;" xmlUrl="https://x.org/rss"/></body></opml>',
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY s SYSTEM "file:///etc/passwd">]>'
        b'<opml version="2.0"><body><outline text="&s;" xmlUrl="https://x.org/rss"/></body></opml>',
        b"<html><body>not opml</body></html>",
        b"\x00\x01 binary",
    ],
    ids=["entity-expansion", "external-entity", "html", "binary"],
)
def test_a_hostile_or_wrong_opml_file_is_refused_in_one_line(document: bytes) -> None:
    with pytest.raises(OpmlError) as refused:
        parse_opml(document, "bad.opml")
    message = str(refused.value)
    assert message.startswith("bad.opml: ") and "\n" not in message and "root:" not in message


@pytest.mark.parametrize(
    "content",
    [
        '{"version": 1, "feeds": [{"url": 3}]}',
        "{}",  # (read as "no feeds", then written over by the next `follow`)
        '{"version": 1}',
        '[{"url": "https://example.com/feed"}]',
    ],
)
def test_a_damaged_feeds_file_is_refused_and_kept(empty_library: Path, content: str) -> None:
    path = empty_library / "reader.feeds.json"
    path.write_text(content, encoding="utf-8")
    subscriptions = Subscriptions(empty_library / "reader.json")
    with pytest.raises(FeedError, match="damaged"):
        subscriptions.feeds()
    with pytest.raises(FeedError), subscriptions.editing() as feeds:
        feeds.clear()
    assert path.read_text(encoding="utf-8") == content


def test_a_feeds_file_naming_a_key_twice_is_refused_and_kept(empty_library: Path) -> None:
    # (a conflict resolved by keeping both sides' lines: the second list alone was read,
    # and the next `follow` wrote the file without the first one's feeds)
    path = empty_library / "reader.feeds.json"
    content = (
        '{"version": 1, "feeds": [{"url": "https://example.com/a.xml", "name": "A"}], '
        '"feeds": [{"url": "https://example.com/b.xml", "name": "B"}]}'
    )
    path.write_text(content, encoding="utf-8")
    subscriptions = Subscriptions(empty_library / "reader.json")
    with pytest.raises(FeedError, match='"feeds" is used twice'):
        subscriptions.feeds()
    with pytest.raises(FeedError), subscriptions.editing() as feeds:
        feeds.append(Feed(url="https://example.com/c.xml", name="C"))
    assert path.read_text(encoding="utf-8") == content


def test_many_feeds_of_one_name_get_numbers_in_order(empty_library: Path) -> None:
    from reader.library.following import import_opml

    outlines = "".join(
        f'<outline type="rss" text="{"Same" if i % 2 else "same "}" '
        f'xmlUrl="https://example.com/{i}.xml"/>'
        for i in range(500)
    )
    data = f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'.encode()
    subscriptions = Subscriptions(empty_library / "reader.json")
    import_opml(subscriptions, data, "feeds.opml")
    names = [feed.name for feed in subscriptions.feeds()]
    assert len({" ".join(n.split()).casefold() for n in names}) == 500
    assert names[:3] == ["same", "Same (2)", "same (3)"]


@pytest.mark.parametrize("kind", ["rss", "atom", "utf-16", "unclosed"])
def test_a_feed_is_read_to_its_first_thousand_items(kind: str) -> None:
    from reader.library.feed_discovery import MAX_ITEMS, has_more_items, is_feed, parse_feed

    if kind in ("rss", "unclosed"):
        items = "".join(f"<item><title>Story {i}</title></item>" for i in range(3000))
        body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
    else:
        items = "".join(f"<entry><title>Story {i}</title></entry>" for i in range(3000))
        body = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">{items}</feed>'
    if kind == "utf-16":  # (its items were not counted, so all were parsed)
        body = body.replace('version="1.0"?>', 'version="1.0" encoding="utf-16"?>')
    if kind == "unclosed":  # (feedparser reads items never closed; they went uncounted)
        body = body.replace("</item>", "")
    raw = body.encode("utf-16" if kind == "utf-16" else "utf-8")
    parsed = parse_feed(raw)
    assert is_feed(parsed) and len(parsed.entries) == MAX_ITEMS
    assert parsed.entries[-1].title == f"Story {MAX_ITEMS - 1}"
    assert has_more_items(raw)  # (the refresh says so: "only its first 1,000 items read")
    assert not has_more_items(raw, limit=3000)


def test_a_title_written_in_html_names_the_feed_by_its_words(
    news: FeedSite, empty_library: Path
) -> None:
    _, _, subscriptions = _open(empty_library)
    url = news.add_feed("harbour", title="Harbour Herald &lt;b&gt;Local&lt;/b&gt; &amp;amp; more")
    assert follow(subscriptions, url, timeout=TIMEOUT).feed.name == "Harbour Herald Local & more"


def test_a_refresh_that_added_nothing_but_skipped_items_says_nothing_new() -> None:
    skipped = FeedResult(
        name="Harbour", url="", status="unchanged", item_errors=["x: not found (404)"]
    )
    assert skipped.line() == "Harbour: nothing new; 1 item not added (x: not found (404))"
    assert FeedResult(name="Harbour", url="", status="unchanged").line() == "Harbour: unchanged"


def _failing_feeds(
    empty_library: Path, monkeypatch: pytest.MonkeyPatch, errors: dict[str, BaseException]
) -> tuple[Library, Subscriptions]:
    """Feeds named after `errors`, each of whose refresh raises its error."""
    from reader.library import feed_refresh

    _store, library, subscriptions = _open(empty_library)
    with subscriptions.editing() as feeds:
        feeds += [Feed(url=f"https://example.org/{name}.xml", name=name) for name in errors]

    def refresh_one(library, feed, *rest):  # type: ignore[no-untyped-def]
        raise errors[feed.name]

    monkeypatch.setattr(feed_refresh, "_refresh_one", refresh_one)
    return library, subscriptions


def test_a_feed_failing_for_want_of_files_memory_or_a_writable_folder_says_so_in_words(
    empty_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    errors: dict[str, BaseException] = {
        "files": OSError(errno.EMFILE, "Too many open files"),
        "memory": MemoryError(),
        "stick": OSError(errno.EROFS, "Read-only file system", "page.md"),
        "bug": ValueError("no"),
    }
    library, subscriptions = _failing_feeds(empty_library, monkeypatch, errors)
    lines = _refresh(library, subscriptions)
    assert lines == {
        "files": "files: failed: too many files open at once: refresh with fewer --jobs, or "
        "raise `ulimit -n`",
        "memory": "memory: failed: out of memory: refresh with fewer --jobs, or close other "
        "programs",
        "stick": "stick: failed: page.md: Read-only file system",
        "bug": "bug: failed: unexpected error (ValueError: no); please report it",
    }
    # and `reader follow --list` says so too (each feed's last refresh)
    assert [f.status.split(":")[0] for f in subscriptions.feeds()] == ["failed"] * 4


def test_a_refresh_that_cannot_start_its_threads_does_the_rest_on_its_own(
    empty_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from reader.library import feed_refresh

    names = [f"f{number}" for number in range(5)]
    library, subscriptions = _failing_feeds(
        empty_library, monkeypatch, {name: OSError(5, "I/O error") for name in names}
    )

    class OneThreadOnly(ThreadPoolExecutor):  # out of memory after the first thread
        def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            if self._threads:
                raise RuntimeError("can't start new thread")
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(feed_refresh, "ThreadPoolExecutor", OneThreadOnly)
    heard: list[FeedResult] = []
    lines = _refresh(library, subscriptions, on_result=heard.append)
    assert list(lines) == names and len(heard) == 5  # each once, in order


@pytest.mark.parametrize(("limit", "workers"), [(32, 2), (1024, 167), (10, 1)])
def test_a_refresh_fetches_no_more_feeds_at_once_than_open_files_allow(
    monkeypatch: pytest.MonkeyPatch, limit: int, workers: int
) -> None:
    import resource

    from reader.library.feed_refresh import workers_the_files_allow

    monkeypatch.setattr(resource, "getrlimit", lambda kind: (limit, resource.RLIM_INFINITY))
    assert workers_the_files_allow() == workers


@pytest.mark.parametrize("keep", ["²", "٣", "12", ""])
def test_a_keep_written_in_other_digits_is_no_keep(keep: str) -> None:
    # ("²".isdigit() but int("²") raises: `follow --import` ended in a traceback)
    document = (
        '<?xml version="1.0"?><opml version="2.0"><body>'
        f'<outline type="rss" text="News" xmlUrl="https://news.example/rss" readerKeep="{keep}"/>'
        "</body></opml>"
    ).encode()
    [outline] = parse_opml(document, "keep.opml").feeds
    assert outline.keep == (12 if keep == "12" else 0)


def test_a_feed_named_with_another_feeds_address_never_stands_for_it() -> None:
    # (a feed may title itself "http://…/news.html": `follow --remove` of that address
    # removed it, not the feed at the address)
    impostor = Feed(url="https://a.example/impostor.rss", name="https://b.example/news.rss")
    real = Feed(url="https://b.example/news.rss", name="B News")
    assert find([impostor, real], "https://b.example/news.rss") is real
    # (a host's case names no other place: the address, never the impostor's name)
    assert find([impostor, real], " https://B.example/news.rss ") is real
    assert find([impostor, real], "HTTPS://b.example/news.rss") is real
    assert find([impostor, real], "b news") is real


def test_item_addresses_of_any_length_keep_the_feeds_file_within_its_bound(tmp_path: Path) -> None:
    """A feed of 500 links of 19,000 backslashes each (which JSON doubles) made the feeds
    file 20 MB in two refreshes, past what Reader reads back: every feed command then
    refused it. A long address is remembered by its digest, and still recognised."""
    subscriptions = Subscriptions(tmp_path / "reader.json")
    with subscriptions.editing() as feeds:
        feeds.append(Feed(url="https://example.org/feed.xml", name="Hostile"))
    links = [f"https://example.org/{number}/" + "\\" * 19_000 for number in range(2_500)]
    for start in range(0, 2_500, 500):
        with subscriptions.editing() as feeds:
            feeds[0].remember(links[start : start + 500])
    (feed,) = subscriptions.feeds()  # read back: the file is a feeds file still
    assert subscriptions.path.stat().st_size < 1_000_000
    assert seen_key(links[-1]) in feed.has_seen() and seen_key(links[0]) not in feed.has_seen()
    assert seen_key("https://example.org/a") == "https://example.org/a"
    # letters of 4 bytes: the bound is in the bytes the file writes, not in characters
    wide = [f"https://example.org/{number}/" + "\U0001e922" * 960 for number in range(2_000)]
    with subscriptions.editing() as feeds:
        feeds[0].remember(wide)
    (feed,) = subscriptions.feeds()
    assert max(len(json.dumps(key)) for key in feed.seen) < 100
    assert seen_key(wide[-1]) in feed.has_seen()


def test_an_item_the_feed_still_lists_is_never_forgotten_and_the_rest_are_bounded() -> None:
    """A feed listing 1,000 items of 200-character addresses (200 KB): a bound of 100 KB on
    what is remembered cut the items just taken, and one `--keep` removed came back at the
    next refresh (an attack on this stop's mend). Every item a refresh saw listed is kept;
    those no longer listed are forgotten oldest first, past SEEN_BYTES."""
    feed = Feed(url="https://example.org/feed.xml", name="Local")
    listed = [f"https://example.org/story-{n:05d}-" + "x" * 170 for n in range(1_000)]
    feed.remember(listed[:4])  # the first refresh takes four
    feed.remember(listed)  # the next sees them all listed
    assert feed.has_seen() >= set(listed)
    feed.remember([f"https://example.org/new-{n}" for n in range(10)])  # the feed moved on
    assert sum(len(json.dumps(key)) for key in feed.seen) <= SEEN_BYTES
    assert listed[-1] in feed.has_seen() and listed[0] not in feed.has_seen()
    # an address an older Reader kept as written, over the digest's bound: still known
    older = Feed(url="https://example.org/feed.xml", name="Local", seen=["https://a/" + "y" * 600])
    assert seen_key(older.seen[0]) in older.has_seen()


def test_no_change_writes_a_feeds_file_reader_would_refuse_to_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OPML of a thousand feeds of 9 KB addresses, untitled (the address their name
    too), made a 36 MB feeds file, which every feed command then refused, the feed followed
    before locked inside it. An address too long to be a feed's is skipped, and no change
    that would pass the file's bound is written."""
    from reader.library import subscriptions as module

    listed = tmp_path / "feeds.opml"
    outlines = "".join(
        f'<outline type="rss" xmlUrl="https://news.example/{n}/{"x" * size}"/>'
        for n, size in enumerate((3_000, 100))
    )
    listed.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>')
    found = parse_opml(listed.read_bytes(), str(listed))
    assert [len(f.url) for f in found.feeds] == [len("https://news.example/1/") + 100]
    assert "too long to be a feed's address" in found.skipped[0]
    assert len(found.feeds[0].name) <= 200
    subscriptions = Subscriptions(tmp_path / "reader.json")
    with subscriptions.editing() as feeds:
        feeds.append(Feed(url="https://example.org/feed.xml", name="My precious feed"))
    before = subscriptions.path.read_bytes()
    with (
        pytest.raises(FeedError, match="nothing was changed"),
        subscriptions.editing(len(before) + 200) as feeds,
    ):
        feeds.append(Feed(url="https://example.org/other.xml", name="x" * 400))
    assert subscriptions.path.read_bytes() == before
    # what refreshes learn is forgotten oldest first to stay within the bound: a file near
    # it had refused every refresh, which then forgot what it had taken and removed
    monkeypatch.setattr(module, "MAX_FILE_BYTES", len(before) + 20_000)
    with subscriptions.editing(len(before) + 20_000) as feeds:
        feeds[0].remember([f"https://example.org/{n}/" + "z" * 300 for n in range(200)])
    assert len(subscriptions.path.read_bytes()) <= len(before) + 20_000
    (kept,) = subscriptions.feeds()
    assert 0 < len(kept.seen) < 200
