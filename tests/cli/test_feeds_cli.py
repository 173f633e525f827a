"""`reader follow` and `reader refresh` as a user's shell runs them, against local feeds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import run_reader
from tests.helpers.feed_site import FeedSite, serve_feeds


@pytest.fixture
def news() -> Iterator[FeedSite]:
    with serve_feeds() as site:
        yield site


def test_follow_refresh_and_list_from_the_shell(news: FeedSite, empty_library: Path) -> None:
    lib = ("--library", str(empty_library))
    city = news.add_feed("city")
    news.add_feed("county", stories=2)
    followed = run_reader("follow", news.page_url("city"), *lib)  # the page names its feed
    assert followed.returncode == 0, followed.stderr
    assert followed.stdout.startswith(f"following: City News ({city})")
    assert run_reader("follow", news.feed_url("county"), "--name", "County", *lib).returncode == 0
    news.add_feed("slow", delay=2)
    assert run_reader("follow", news.feed_url("slow"), "--timeout", "0.5", *lib).returncode == 1

    refreshed = run_reader("refresh", "--timeout", "2", *lib)
    assert refreshed.returncode == 0, refreshed.stderr
    assert sorted(refreshed.stdout.splitlines()[:2]) == ["City News: new 3", "County: new 2"]
    assert refreshed.stdout.splitlines()[2] == "5 new articles from 2 feeds"
    again = run_reader("refresh", *lib)
    assert sorted(again.stdout.splitlines()[:2]) == ["City News: unchanged", "County: unchanged"]

    listed = json.loads(run_reader("follow", "--list", "--json", *lib).stdout)
    assert [(f["name"], f["url"], f["status"]) for f in listed] == [
        ("City News", city, "unchanged"),
        ("County", news.feed_url("county"), "unchanged"),
    ]
    articles = json.loads(run_reader("list", "--json", *lib).stdout)
    assert len(articles) == 5

    removed = run_reader("follow", "--remove", "county", *lib)
    assert removed.returncode == 0 and "its articles stay" in removed.stdout
    assert "County" not in run_reader("follow", "--list", *lib).stdout
    assert len(json.loads(run_reader("list", "--json", *lib).stdout)) == 5


def test_a_failing_feed_is_one_line_and_exit_1(news: FeedSite, empty_library: Path) -> None:
    lib = ("--library", str(empty_library))
    url = news.add_feed("city")
    assert run_reader("follow", url, *lib).returncode == 0
    news.feeds["city"].junk = True  # the site broke since
    news.feeds["city"].version += 1
    refreshed = run_reader("refresh", *lib)
    assert refreshed.returncode == 1
    assert refreshed.stdout.splitlines()[0].startswith(
        "City News: failed: not an RSS, Atom or JSON"
    )
    assert "Traceback" not in refreshed.stderr


def test_opml_export_and_import_from_the_shell(
    news: FeedSite, empty_library: Path, tmp_path: Path
) -> None:
    lib = ("--library", str(empty_library))
    assert run_reader("follow", news.add_feed("city"), "--keep", "10", *lib).returncode == 0
    opml = tmp_path / "feeds.opml"
    exported = run_reader("follow", "--export", str(opml), *lib)
    assert exported.returncode == 0 and "exported 1 feed" in exported.stdout
    assert run_reader("follow", "--export", str(opml), *lib).returncode == 2  # no replacing
    refused = run_reader("follow", "--export", str(empty_library / "reader.json"), *lib)
    assert refused.returncode == 2 and "database" in refused.stderr
    nowhere = run_reader("follow", "--export", str(tmp_path / "gone" / "feeds.opml"), *lib)
    assert nowhere.returncode == 2 and "Traceback" not in nowhere.stderr
    assert nowhere.stderr.strip() == (
        f"reader: {tmp_path / 'gone'}: no such folder (for {tmp_path / 'gone' / 'feeds.opml'}); "
        "create it first, or give another path"
    )
    unnamed = run_reader("follow", "--export", "", *lib)
    assert unnamed.returncode == 2 and "give a file name" in unnamed.stderr
    forever = run_reader("refresh", "--timeout", "inf", *lib)
    assert forever.returncode == 2 and "is more than a day" in forever.stderr

    other = tmp_path / "other"
    other.mkdir()
    imported = run_reader("follow", "--import", str(opml), "--library", str(other))
    assert imported.returncode == 0, imported.stderr
    assert "1 feed followed" in imported.stdout
    listed = json.loads(run_reader("follow", "--list", "--json", "--library", str(other)).stdout)
    assert [(f["name"], f["keep"]) for f in listed] == [("City News", 10)]


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        (("follow", "--import", "missing.opml"), 1, "missing.opml: cannot read it"),
        (("follow", "file:///etc/passwd"), 1, "not a web address"),
        (("follow", "--remove", "nothing"), 1, "nothing: not a followed feed"),
        (("follow", "https://x.org/rss", "--list"), 2, "give a URL, or one of"),
        (("follow", "https://x.org/rss", "--keep", "-1"), 2, "must be 0"),
        (("refresh", "nothing"), 0, "no feeds followed yet"),
    ],
)
def test_bad_input_is_one_line_never_a_traceback(
    empty_library: Path, args: tuple[str, ...], status: int, words: str
) -> None:
    result = run_reader(*args, "--library", str(empty_library))
    assert result.returncode == status
    assert words in result.stderr + result.stdout
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) <= 1


def test_a_bad_opml_file_is_one_line(empty_library: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.opml"
    bomb.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<opml version="2.0"><body><outline text="&b;" xmlUrl="https://x.org/rss"/></body></opml>'
    )
    result = run_reader("follow", "--import", str(bomb), "--library", str(empty_library))
    assert result.returncode == 1
    assert result.stderr.startswith(f"reader: {bomb}: declares a DTD or entities")
    assert len(result.stderr.splitlines()) == 1


def test_every_item_not_added_is_named_with_its_reason(news: FeedSite, empty_library: Path) -> None:
    lib = ("--library", str(empty_library))
    assert run_reader("follow", news.add_feed("city", local_link=True), *lib).returncode == 0
    refreshed = run_reader("refresh", *lib)
    assert refreshed.returncode == 0, refreshed.stderr
    lines = refreshed.stdout.splitlines()
    assert lines[0] == "City News: new 3; 2 items not added:"
    assert sorted(lines[1:3]) == sorted(
        [
            "  file:///etc/passwd: not a web address (http or https); skipped",  # as written
            f"  {news.base}/etc/passwd: the server answered 404 Not Found",
        ]
    )
    # The one-line status names them both too.
    [feed] = json.loads(run_reader("follow", "--list", "--json", *lib).stdout)
    assert "file:///etc/passwd" in feed["status"] and "404" in feed["status"]
    # `reader add --feed` names the link as the feed wrote it too.
    added = run_reader("add", "--feed", news.feed_url("city"), "--limit", "9", *lib)
    assert added.returncode == 1
    assert "reader add: file:///etc/passwd: not a web address" in added.stderr


def test_a_feed_s_user_name_and_password_are_kept_in_the_feeds_file_only(
    news: FeedSite, empty_library: Path
) -> None:
    # every article a feed followed as http://ann:hunter2@… brought kept the address whole
    # in reader.json (which a team commits), and follow printed it
    lib = ("--library", str(empty_library))
    url = news.add_feed("city").replace("http://", "http://ann:hunter2@")
    outputs = [run_reader("follow", url, *lib), run_reader("refresh", "--json", *lib)]
    outputs += [
        run_reader("follow", "--list", *lib),
        run_reader("follow", "--list", "--json", *lib),
    ]
    assert all(done.returncode == 0 for done in outputs), [d.stderr for d in outputs]
    assert not any("hunter2" in done.stdout + done.stderr for done in outputs)
    assert "hunter2" not in (empty_library / "reader.json").read_text(encoding="utf-8")
    assert "hunter2" in (empty_library / "reader.feeds.json").read_text(encoding="utf-8")
    articles = json.loads(run_reader("list", "--json", *lib).stdout)
    assert len(articles) == 3
    news.add_story("city")  # and its --keep still finds them
    assert run_reader("follow", url, "--keep", "1", *lib).returncode == 0
    kept = run_reader("refresh", *lib)
    assert kept.stdout.startswith("City News: new 1; 3 removed by keep"), kept.stdout
    # an item's link is resolved against the feed's address: its error quoted them, on
    # screen, in --json and in the status `follow --list` shows
    news.feeds["city"].relative = True
    news.feeds["city"].missing.add(news.add_story("city").number)
    failed = [run_reader("refresh", *lib), run_reader("refresh", "--json", *lib)]
    failed += [run_reader("follow", "--list", *lib), run_reader("follow", "--list", "--json", *lib)]
    assert "404" in failed[0].stdout + failed[0].stderr
    assert not any("hunter2" in done.stdout + done.stderr for done in failed)
    assert "hunter2" not in json.dumps(
        json.loads((empty_library / "reader.feeds.json").read_text(encoding="utf-8"))["feeds"][0][
            "status"
        ]
    )
    # a new password for the feed replaces the old one; the address as shown finds it
    changed = run_reader("follow", url.replace("hunter2", "swordfish"), *lib)
    assert changed.stdout.startswith("changed: City News"), changed.stdout
    stored = json.loads((empty_library / "reader.feeds.json").read_text(encoding="utf-8"))
    assert stored["feeds"][0]["url"] == url.replace("hunter2", "swordfish")
    # a user name alone gives no password: the one stored stays (it was replaced, and every
    # refresh then failed 401)
    assert run_reader("follow", url.replace(":hunter2", ""), *lib).returncode == 0
    stored = json.loads((empty_library / "reader.feeds.json").read_text(encoding="utf-8"))
    assert stored["feeds"][0]["url"] == url.replace("hunter2", "swordfish")
    shown = url.replace("ann:hunter2@", "")
    assert run_reader("follow", "--remove", shown, *lib).returncode == 0
    assert json.loads(run_reader("follow", "--list", "--json", *lib).stdout) == []


def test_refresh_says_when_a_new_article_has_the_title_of_another(
    news: FeedSite, empty_library: Path
) -> None:
    # a story corrected under a new address came in as a second article without a word,
    # where `reader add` said so (an attack's finding)
    lib = ("--library", str(empty_library))
    url = news.add_feed("city", stories=1)
    assert run_reader("follow", url, *lib).returncode == 0
    assert run_reader("refresh", *lib).returncode == 0
    first = news.feeds["city"].stories[0]
    news.add_story("city", title=first.title)
    refreshed = run_reader("refresh", *lib)
    assert refreshed.returncode == 0, refreshed.stderr
    [note] = [line for line in refreshed.stdout.splitlines() if "has the title of" in line]
    assert "-2.md has the title of" in note and "delete one" in note
    news.add_story("city", title=first.title)
    done = json.loads(run_reader("refresh", "--json", *lib).stdout)
    assert done[0]["new"][0]["same_title"].endswith(".md")


def test_a_feed_sent_as_plain_text_is_followed_and_a_picture_said_in_a_feeds_words(
    news: FeedSite, empty_library: Path
) -> None:
    # refused as "not a web page; give the address of an article", at every refresh too
    lib = ("--library", str(empty_library))
    url = news.add_feed("city", content_type="text/plain")
    followed = run_reader("follow", url, *lib)
    assert followed.returncode == 0, followed.stderr
    assert run_reader("refresh", *lib).stdout.startswith("City News: new 3")
    news.feeds["city"].content_type = "image/png"
    news.add_story("city")
    failed = run_reader("refresh", *lib)
    assert failed.returncode == 1
    assert "not a feed nor a web page" in failed.stdout + failed.stderr
    assert "address of an article" not in failed.stdout + failed.stderr


def test_a_feed_is_followed_once_whatever_the_case_of_its_scheme_and_host(
    news: FeedSite, empty_library: Path
) -> None:
    # "HTTP://127.0.0.1:…/city/rss.xml" followed "City News (2)" a second time
    lib = ("--library", str(empty_library))
    url = news.add_feed("city")
    assert run_reader("follow", url, *lib).returncode == 0
    again = run_reader("follow", url.replace("http://", "HTTP://"), *lib)
    assert again.returncode == 0 and again.stdout.startswith("already following: City News")
    opml = empty_library.parent / "feeds.opml"
    opml.write_text(
        '<opml version="2.0"><body>'
        f'<outline type="rss" text="A" xmlUrl="{url.replace("http://", "HTTP://")}"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    assert run_reader("follow", "--import", str(opml), *lib).returncode == 0
    listed = json.loads(run_reader("follow", "--list", "--json", *lib).stdout)
    assert [feed["name"] for feed in listed] == ["City News"]


def test_an_item_the_library_holds_already_takes_no_place_of_a_keep(
    news: FeedSite, empty_library: Path
) -> None:
    # a story another feed brought (here: added by hand under another address) used one of
    # --keep 3's places, and the next item was passed over for good: 2 came in of 3
    lib = ("--library", str(empty_library))
    url = news.add_feed("city", stories=4)
    newest = f"{news.page_url('city')}4.html?ref=elsewhere"
    assert run_reader("add", newest, *lib).returncode == 0
    assert run_reader("follow", url, "--keep", "3", *lib).returncode == 0
    refreshed = run_reader("refresh", *lib)
    assert refreshed.stdout.startswith("City News: new 3"), refreshed.stdout
    assert "passed over" not in refreshed.stdout
    assert len(json.loads(run_reader("list", "--json", *lib).stdout)) == 4


def test_list_says_what_is_archived_and_which_feed_brought_each_article(
    news: FeedSite, empty_library: Path
) -> None:
    # the shell could not tell the archive apart, nor which feed brought an article (a
    # daily reader's finding)
    lib = ("--library", str(empty_library))
    url = news.add_feed("city", stories=2)
    assert run_reader("follow", url.replace("http://", "http://ann:pw@"), *lib).returncode == 0
    assert run_reader("refresh", *lib).returncode == 0
    from reader.storage.database import Store

    store = Store(empty_library / "reader.json")
    first = min(store.articles(), key=lambda r: r.id)
    store.set_reading_state([first.id], archived=True)
    store.close()
    listed = json.loads(run_reader("list", "--json", *lib).stdout)
    assert {row["feed"] for row in listed} == {url}
    assert [row["archived"] for row in sorted(listed, key=lambda row: row["id"])] == [True, False]
    assert "(archived)" in run_reader("list", *lib).stdout


def test_articles_an_older_reader_kept_a_feeds_password_in_lose_it_at_the_next_refresh(
    news: FeedSite, empty_library: Path
) -> None:
    lib = ("--library", str(empty_library))
    url = news.add_feed("city", stories=2).replace("http://", "http://ann:hunter2@")
    assert run_reader("follow", url, *lib).returncode == 0
    assert run_reader("refresh", *lib).returncode == 0
    from reader.storage.database import Store

    store = Store(empty_library / "reader.json")  # (as an older Reader wrote them)
    store.set_reading_state([r.id for r in store.articles()], feed=url)
    store.close()
    assert "hunter2" in (empty_library / "reader.json").read_text(encoding="utf-8") + (
        (empty_library / ".reader.json.journal").read_text(encoding="utf-8")
        if (empty_library / ".reader.json.journal").exists()
        else ""
    )
    news.add_story("city")
    assert run_reader("refresh", *lib).stdout.startswith("City News: new 1")
    store = Store(empty_library / "reader.json")
    try:
        assert {r.feed for r in store.articles()} == {url.replace("ann:hunter2@", "")}
        store.fold()
    finally:
        store.close()
    assert "hunter2" not in (empty_library / "reader.json").read_text(encoding="utf-8")
