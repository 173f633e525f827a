"""What comes from the network never chooses a local path, and a slow server never holds us.

A feed's links, a page's addresses, a redirect: only http(s) addresses are fetched; anything
else is skipped with a one-line notice that does not say whether a local file exists. The
fetch time-out is a deadline for the whole answer, not an idle limit between bytes.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from reader.library import fetching
from reader.library.fetching import FetchError, fetch
from tests.helpers.cli import run_reader
from tests.helpers.web import set_secret


def test_a_feed_cannot_copy_local_files_into_the_library(
    site: str, empty_library: Path, tmp_path: Path
) -> None:
    diary = tmp_path / "diary.txt"
    diary.write_text("Dear diary\n\nMy secret plans for the week.", encoding="utf-8")
    set_secret(str(diary))
    result = run_reader(
        "add",
        "--feed",
        f"{site}/hostile/feeds/local-links.rss",
        "--limit",
        "20",
        "--json",
        "--library",
        str(empty_library),
    )
    assert "Traceback" not in result.stderr
    added = [r for r in json.loads(result.stdout) if r["status"] == "added"]
    assert [r["title"] for r in added] == ["Taylor Swift's AMA row seems to be over"]
    for article in empty_library.glob("*.md"):
        assert "secret plans" not in article.read_text(encoding="utf-8")
    notices = [line for line in result.stderr.splitlines() if line]
    assert len(notices) == 8  # one line for each link that is not a story
    # Links relative to the feed are resolved against it, as a browser does: fetched from
    # the feed's site (404 there), never read from disk, so no message tells whether a
    # local file of that name exists.
    assert not any("no such file" in line or "not an article file" in line for line in notices)
    assert sum("not a web address" in line for line in notices) == 4  # file, javascript, ftp, data
    # (by the server's answer: a notice may also hold a temporary folder named "pytest-404")
    assert sum("the server answered 404" in line for line in notices) == 4


def test_the_deadline_covers_the_whole_answer(site: str) -> None:
    began = time.monotonic()
    try:
        fetch(f"{site}/trickle.html", timeout=1.0)
    except FetchError as error:
        assert "within 1 s" in str(error)
    else:
        raise AssertionError("a page trickled for two minutes was accepted")
    assert time.monotonic() - began < 3.0


def test_add_gives_up_on_a_trickling_server_at_its_deadline(site: str, empty_library: Path) -> None:
    began = time.monotonic()
    result = run_reader(
        "add", f"{site}/trickle.html", "--timeout", "1", "--library", str(empty_library)
    )
    assert result.returncode == 1
    assert time.monotonic() - began < 10
    assert result.stderr.count("\n") == 1 and "within 1 s" in result.stderr
    assert list(empty_library.glob("*.md")) == []


def test_a_compressed_answer_is_read_within_the_size_bound(site: str) -> None:
    import tracemalloc

    from tests.helpers.web import _bomb

    page = fetch(f"{site}/gzipped.html")  # a page in gzip, as servers send it
    assert b"Taylor Swift" in page.body
    _bomb()  # (made before counting: the server runs in this process)
    tracemalloc.start()
    try:
        for bomb in ("bomb.html", "bomb2.html"):  # 64 MB in 64 KB; the same inside gzip again
            try:
                fetch(f"{site}/{bomb}")
            except FetchError as error:
                assert "too big" in str(error) or "does not read" in str(error)
                assert "for an article" not in str(error)  # (a feed is fetched so too)
            else:
                raise AssertionError(f"{bomb} was read whole")
        peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    assert peak_mb < 40  # (cut at 10 MB of page; httpx's own decoding held it all)


def test_a_feed_whose_first_link_is_no_web_address_names_each_link(
    site: str, empty_library: Path
) -> None:
    result = run_reader(
        "add", "--feed", f"{site}/hostile/feeds/first-link-script.rss", "--json",
        "--library", str(empty_library),
    )  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    sources = [r["source"] for r in json.loads(result.stdout)]
    assert sources == ["javascript:alert(1)", "data:text/html,%3Cp%3Ehello%3C/p%3E"]


def test_the_charset_the_server_names_is_the_one_read(site: str) -> None:
    from reader.library.adding import prepare
    from reader.library.extraction import RAW

    prepared = prepare(f"{site}/latin1.html", cleaning=RAW)
    text = " ".join([prepared.article.title, *(block.text for block in prepared.article.blocks)])
    assert "Café crème brûlée" in text  # (guessed as another code page: "Café crčme brűlée")


def test_a_feed_served_as_application_x_rss_xml_is_a_feed(site: str, empty_library: Path) -> None:
    result = run_reader(
        "add", "--feed", f"{site}/feed.rss", "--limit", "1", "--json",
        "--library", str(empty_library),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert [r["status"] for r in json.loads(result.stdout)] == ["added"]


def test_a_charset_no_page_is_written_in_is_ignored(site: str) -> None:
    from reader.library.adding import prepare
    from reader.library.extraction import RAW

    for page in ("punycode.html", "rot13.html"):  # quadratic to decode; a traceback
        prepared = prepare(f"{site}/{page}", cleaning=RAW)
        assert "word word" in " ".join(block.text for block in prepared.article.blocks)


def test_a_feeds_links_are_read_by_schemes_of_a_few_letters() -> None:
    # (a scheme is read from where its run of letters starts, and at most 32 letters long:
    # unbounded, one long run of letters in a feed was read from each of its letters)
    from reader.library.feed_discovery import links_as_given

    body = b"<link>file:///etc/passwd</link><d>" + b"D" * 40 + b":///x</d>"
    assert links_as_given(body) == {"file://etc/passwd": "file:///etc/passwd"}


def test_a_block_of_a_page_is_found_nearest_the_block_before_it() -> None:
    from lxml import html as lxml_html

    from reader.library.page_evidence import PageIndex
    from reader.library.page_text import PARAGRAPH, Block

    page = (
        "<html><body>"
        + "".join(f"<p>{w}</p>" for w in ["ab", "xy", "ab", "cd", "ab"])
        + "</body></html>"
    )
    index = PageIndex(lxml_html.fromstring(page))
    block = Block(PARAGRAPH, "ab")
    first = index.find(block)
    assert first is not None and index.text[first[0] : first[1]] == "ab"
    assert index.find(block, near=(index.text.index("cd"), index.text.index("cd") + 2)) == (
        index.text.index("cd") + 2,
        index.text.index("cd") + 4,
    )
    assert index.text == "abxyabcdab"
    assert index.find(block, near=(2, 4)) == (4, 6)  # after "xy": the "ab" right after it
    assert index.find(block, near=(1, 3)) == (0, 2)  # two as near: the earlier


def test_a_tag_of_thousands_of_attributes_is_refused_before_it_is_parsed() -> None:
    from reader.library.extraction import ExtractionError, read_page

    story = "<article><h1>Budget</h1><p>" + "The council met. " * 60 + "</p></article>"
    crowded = " ".join(f'a{n}="x"' for n in range(5_000))  # (parsed: time as its square)
    with pytest.raises(ExtractionError, match="over 1,000 attributes"):
        read_page(f"<html><body><p {crowded}>x</p>{story}</body></html>")
    links = "&".join(f"k{n}=v" for n in range(3_000))  # one value full of "=": one attribute
    page = read_page(f'<html><body><div data-posts="/a?{links}">x</div>{story}</body></html>')
    assert "The council met." in " ".join(page.found_texts)


STORY_PAGE = (
    "<!doctype html><html><head><title>Harbour bridge reopens</title></head><body><article>"
    "<h1>Harbour bridge reopens</h1><p>The harbour bridge reopened on Monday after eighteen "
    "months of repairs, city officials said, and traffic returned within hours.</p><p>“We are "
    "proud of the crews who worked through two winters,” said Mayor Dana Ortiz at the "
    "ceremony, which drew several hundred residents and business owners.</p><p>{more}</p>"
    "</article></body></html>"
)


def test_updating_an_article_never_writes_its_old_copy_through_a_link(
    empty_library: Path, tmp_path: Path
) -> None:
    page = tmp_path / "story.html"
    page.write_text(STORY_PAGE.format(more="First version of the last words."), encoding="utf-8")
    assert run_reader("add", "--library", str(empty_library), str(page)).returncode == 0
    [article] = list(empty_library.glob("*.md"))
    before = article.read_bytes()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (empty_library / ".reader-backups").mkdir(exist_ok=True)
    (empty_library / ".reader-backups" / "articles").symlink_to(elsewhere)
    page.write_text(STORY_PAGE.format(more="Second version, with more words."), encoding="utf-8")
    result = run_reader("add", "--library", str(empty_library), "--update", str(page))
    assert result.returncode == 1 and "cannot keep the old copy" in result.stderr
    assert list(elsewhere.iterdir()) == []  # (the old copy was written there)
    assert article.read_bytes() == before  # unchanged, as said


@pytest.mark.parametrize("redirect", ["to-bad-port", "to-bad-host"])
def test_a_redirect_to_an_address_no_one_can_reach_is_one_line(
    site: str, empty_library: Path, redirect: str
) -> None:
    # a port over 65535 ended in an OverflowError traceback, a host no DNS name can be
    # ("xn--zz-") in idna's (an attack on feeds)
    result = run_reader("add", f"{site}/{redirect}", "--library", str(empty_library))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"reader add: {site}/{redirect}: ")
    assert list(empty_library.iterdir()) == []


def test_a_feed_item_no_one_can_reach_is_skipped_and_the_rest_come_in(
    site: str, empty_library: Path
) -> None:
    # the item's host ended `add --feed` in a traceback: the items after it never came in
    result = run_reader(
        "add", "--feed", f"{site}/bad-host-item.xml", "--json", "--library", str(empty_library)
    )
    assert "Traceback" not in result.stderr
    statuses = {r["source"]: r["status"] for r in json.loads(result.stdout)}
    assert statuses == {
        f"{site}/story.html": "added",
        "http://xn--zz-/x.html": "error",
        f"{site}/markets.html": "added",
    }


@pytest.fixture
def site_on_the_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 taken for an address on the internet, so that the test site can stand for
    one (`localhost`, by its name, stays this machine)."""
    real = fetching._local_ip
    monkeypatch.setattr(
        fetching, "_local_ip", lambda address: address != "127.0.0.1" and real(address)
    )


@pytest.mark.usefixtures("site_on_the_internet")
def test_a_site_on_the_internet_cannot_send_reader_into_the_local_network(
    site: str, empty_library: Path
) -> None:
    # a redirect to 127.0.0.1:8766, or to 0x7f000001, was followed and the page saved
    # into the library: a router's admin page, a cloud's metadata (an attack on feeds)
    port = site.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="local network, from a site on the internet"):
        fetch(f"{site}/to-localhost")
    assert "Taylor Swift" in fetch(f"http://localhost:{port}/story.html").body.decode()  # theirs
    from reader.library.adding import add_feed
    from reader.library.folder import Library
    from reader.storage.database import Store

    store = Store(empty_library / "reader.json")
    try:
        results = add_feed(Library(empty_library, store), f"{site}/localhost-item.xml")
    finally:
        store.close()
    assert [type(r).__name__ for r in results] == ["AddError", "AddResult"]
    assert "local network" in str(results[0])


@pytest.mark.usefixtures("site_on_the_internet")
def test_each_redirect_is_judged_against_the_address_before_it(
    site: str, empty_library: Path
) -> None:
    # local -> internet -> local was followed: whether the chain was public was decided
    # once, from its first address; and a refresh judged a feed's items against the
    # address followed, not the feed's own after a redirect (an attack on this stop's mend)
    port = site.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="local network, from a site on the internet"):
        fetch(f"http://localhost:{port}/via-public")
    from reader.library.feed_refresh import refresh_feeds
    from reader.library.folder import Library
    from reader.library.following import follow
    from reader.library.subscriptions import Subscriptions
    from reader.storage.database import Store

    store = Store(empty_library / "reader.json")
    try:
        subscriptions = Subscriptions(empty_library / "reader.json")
        follow(subscriptions, f"http://localhost:{port}/to-public-feed")
        [result] = refresh_feeds(Library(empty_library, store), subscriptions)
    finally:
        store.close()
    assert [added.source for added in result.added] == [f"http://127.0.0.1:{port}/markets.html"]
    assert any("local network" in error for error in result.item_errors)


@pytest.mark.parametrize(
    ("address", "local"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("100.64.0.1", True),  # carrier-grade NAT, as Tailscale's networks use
        ("169.254.169.254", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("2002:7f00:1::", True),  # 6to4 of 127.0.0.1
        ("fe80::1%eth0", True),
        ("8.8.8.8", False),
        ("64:ff9b::808:808", False),  # NAT64 of 8.8.8.8: a site on the internet
        ("64:ff9b::a00:1", True),  # NAT64 of 10.0.0.1
        ("2606:4700::1111", False),
    ],
)
def test_what_is_an_address_on_the_internet(address: str, local: bool) -> None:
    # 100.64.0.0/10 counted as the internet, NAT64's 64:ff9b::/96 as local (an attack)
    assert fetching._local_ip(address) is local


async def test_a_host_is_checked_as_the_connection_names_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "xn--zca.evil.test" was looked up decoded ("ß.evil.test", which Python's IDNA 2003
    # made "ss.evil.test"), while httpx connected to the name as written (an attack)
    import httpx

    asked: list[str] = []

    async def is_local(host: str, port: int) -> bool:
        asked.append(host)
        return host.startswith("xn--")

    monkeypatch.setattr(fetching, "_is_local", is_local)
    check = fetching._guard("http://site.example/feed", "http://site.example/feed")
    with pytest.raises(FetchError, match=r"xn--zca\.evil\.test"):
        await check(httpx.Request("GET", "http://xn--zca.evil.test/secret"))
    assert asked == ["site.example", "xn--zca.evil.test"]


def test_a_json_feed_is_a_feed(site: str, empty_library: Path) -> None:
    # a JSON Feed was refused as "neither an RSS or Atom feed", though a page may name one
    # as its feed (application/feed+json): feedparser leaves it unread (an attack on feeds)
    added = run_reader(
        "add", "--feed", f"{site}/feed.json", "--json", "--library", str(empty_library)
    )
    assert added.returncode == 0, added.stderr
    assert sorted(r["source"] for r in json.loads(added.stdout)) == [
        f"{site}/markets.html",
        f"{site}/story.html",
    ]
    followed = run_reader("follow", f"{site}/feed.json", "--library", str(empty_library))
    assert followed.returncode == 0 and "JSON news" in followed.stdout
    deep = run_reader("add", "--feed", f"{site}/deep.json", "--library", str(empty_library))
    assert deep.returncode == 1 and "Traceback" not in deep.stderr
    assert "not an RSS, Atom or JSON feed" in deep.stderr


def test_a_json_feeds_address_too_long_is_skipped_and_a_long_number_read_as_text() -> None:
    # a 100,000-character address was fetched cut to its first 2,000 characters (another
    # address), and an id of 5,000 digits made the whole feed "no feed" (an attack)
    from reader.library.json_feed import parse_json_feed

    long = "http://site.example/" + "a" * 100_000
    body = (
        '{"version": "https://jsonfeed.org/version/1.1", "items": ['
        f'{{"id": {"9" * 5000}, "url": "http://site.example/1"}}, {{"id": "2", "url": "{long}"}}]}}'
    ).encode()
    parsed = parse_json_feed(body, 1000)
    assert parsed is not None
    assert [entry["link"] for entry in parsed.entries] == ["http://site.example/1"]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("unit", [b"<a", b"<a b='"])
def test_a_page_of_tags_never_closed_is_searched_for_feeds_in_one_reading(unit: bytes) -> None:
    # `reader follow` of a page of "<a b='" repeated: the standard library's HTML parser read
    # the rest of the page again at each tag (100 KB: 24 s, 480 KB: about ten minutes; stop
    # 77's attacker). A link it advertises after them is still found.
    from reader.library.feed_discovery import feed_links

    feed = b'<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
    page = b"<html><head>" + feed + b"</head><body>" + unit * (480_000 // len(unit))
    assert feed_links(page, "https://example.com/page") == ["https://example.com/feed.xml"]


@pytest.mark.parametrize(
    "page",
    [
        b"<html><body>" + b"<div>" * 300 + b"</div>" * 300 + b"{link}</body></html>",
        b"<html><body>x</body></html>{link}",
    ],
    ids=["nested-300-deep", "after-the-page"],
)
def test_a_feed_link_past_deep_nesting_or_after_the_page_is_found(page: bytes) -> None:
    # (lxml's tree, the first mend above, dropped a link after 256 levels of nesting, closed
    # or not, and one after </html>, which the old parser had found: a tester's attack)
    from reader.library.feed_discovery import feed_links

    feed = b'<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
    found = feed_links(page.replace(b"{link}", feed), "https://example.com/page")
    assert found == ["https://example.com/feed.xml"]
