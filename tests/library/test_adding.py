"""`reader add` as a user's shell runs it, against saved real pages on a local server."""

from __future__ import annotations

import gzip
import json
import shlex
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.library.adding import read_back
from reader.library.article_files import read_article, split_front_matter
from reader.library.fetching import FetchError, fetch
from tests.helpers.cli import run_reader
from tests.helpers.seeding import tag_quotes
from tests.helpers.web import PAGES, set_live_page

STORY_SENTENCE = "The group that owns most of her music, Big Machine, says she will be allowed"
STORY_QUOTE = '"I just want to be able to perform my own music," she said.'
# "Listen to Newsbeat live at 12:45…" stays: nothing on this one page says it is not story
# (no links, no widget around it); other Newsbeat pages in the library would (repetition).
BOILERPLATE = ("Follow Newsbeat", "Share this", "Related Topics")


def articles_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.md"))


def test_a_web_page_is_added_as_its_story_with_front_matter(site: str, empty_library: Path) -> None:
    result = run_reader("add", f"{site}/story.html", "--library", str(empty_library))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    [file] = articles_in(empty_library)
    assert "Taylor Swift's AMA row seems to be over" in result.stdout
    assert file.name in result.stdout
    meta, _body = split_front_matter(file.read_text(encoding="utf-8"))
    assert meta["title"] == "Taylor Swift's AMA row seems to be over"
    assert meta["site"] == "BBC News"
    assert meta["published"] == "2019-11-19"
    assert meta["url"] == f"{site}/story.html"
    assert meta["added"].startswith("20")
    article = read_article(file)
    assert article.title == meta["title"]
    assert STORY_SENTENCE in article.text
    assert STORY_QUOTE in article.text  # the quotation marks as published
    for line in BOILERPLATE:
        assert line not in article.text
    listing = json.loads(run_reader("list", "--json", "--library", str(empty_library)).stdout)
    assert [entry["title"] for entry in listing] == [meta["title"]]


def test_a_user_name_and_password_in_the_address_are_never_stored(
    site: str, empty_library: Path
) -> None:
    address = site.replace("http://", "http://reader:secret@") + "/story.html"
    result = run_reader("add", address, "--library", str(empty_library))
    assert result.returncode == 0, result.stderr
    [file] = articles_in(empty_library)
    meta, _body = split_front_matter(file.read_text(encoding="utf-8"))
    assert meta["url"] == f"{site}/story.html"
    assert "secret" not in file.read_text(encoding="utf-8") and "secret" not in result.stdout


def test_an_address_with_a_port_out_of_range_is_one_line(empty_library: Path) -> None:
    result = run_reader("add", "http://127.0.0.1:99999/x", "--library", str(empty_library))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "port out of range" in result.stderr
    assert articles_in(empty_library) == []


def test_adding_the_same_page_again_says_it_is_there(site: str, empty_library: Path) -> None:
    assert run_reader("add", f"{site}/story.html", "--library", str(empty_library)).returncode == 0
    [file] = articles_in(empty_library)
    again = run_reader("add", f"{site}/story.html", "--library", str(empty_library))
    assert again.returncode == 0
    assert "already in the library" in again.stdout and file.name in again.stdout
    # The same story by another address (a redirect to it) is the same cleaned text.
    moved = run_reader("add", f"{site}/moved", "--library", str(empty_library))
    assert moved.returncode == 0 and "already in the library" in moved.stdout
    assert articles_in(empty_library) == [file]


def test_a_page_two_readers_add_at_once_is_added_once(site: str, empty_library: Path) -> None:
    # two `reader add` of one address at the same moment: each read the page, found it
    # not in the library, and wrote its own copy (as `refresh` beside `add` did); the
    # library is now looked at again inside the database's lock, as the other left it
    from reader.library.adding import prepare, store_prepared
    from reader.library.folder import Library
    from reader.storage.database import Store

    first = Library(empty_library, Store(empty_library / "reader.json"))
    other = Library(empty_library, Store(empty_library / "reader.json"))  # another process
    first.scan()
    other.scan()
    page = prepare(f"{site}/story.html", library=first)
    assert store_prepared(other, prepare(f"{site}/story.html", library=other)).status == "added"
    again = store_prepared(first, page)
    assert again.status == "present"
    assert len(articles_in(empty_library)) == 1


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("nothing-here.html", "404"),
        ("data.json", "application/json, not a web page"),
        ("empty.html", "no article found"),
        ("huge.html", "over 10 MB"),
    ],
)
def test_a_broken_address_is_one_line_and_leaves_the_library_alone(
    site: str, empty_library: Path, path: str, message: str
) -> None:
    result = run_reader("add", f"{site}/{path}", "--library", str(empty_library))
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    written = {p.name for p in empty_library.iterdir()} - {"reader.json", ".reader.json.lock"}
    assert written <= {".reader-backups"}  # no article file, nothing half-written
    assert articles_in(empty_library) == []


def test_a_slow_server_times_out_with_one_line(site: str, empty_library: Path) -> None:
    result = run_reader(
        "add", f"{site}/slow.html", "--timeout", "0.3", "--library", str(empty_library)
    )
    assert result.returncode == 1
    assert "no complete answer within 0.3 s" in result.stderr
    assert articles_in(empty_library) == []


def test_the_deadline_given_is_the_only_one(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx has a 5 s read timeout of its own, which cut `--timeout 10` short with "cannot
    fetch it (ReadTimeout)": a page trickling slower than httpx's timeout (made 0.05 s here)
    runs until the deadline asked for."""

    class ShortDefault(httpx.AsyncClient):
        def __init__(self, **options: object) -> None:
            options.setdefault("timeout", httpx.Timeout(0.05))
            super().__init__(**options)  # type: ignore[arg-type]

    monkeypatch.setattr(httpx, "AsyncClient", ShortDefault)
    with pytest.raises(FetchError, match=r"no complete answer within 0\.8 s"):
        fetch(f"{site}/trickle.html", timeout=0.8)


@pytest.mark.parametrize("packed", [False, True], ids=["plain", "gzip"])
def test_a_page_from_standard_input(site: str, empty_library: Path, packed: bool) -> None:
    # (a gzip page piped in was "a binary file, not text", where the same saved as .html
    # was read: found by an attack)
    html = fetch(f"{site}/story.html").body
    result = subprocess.run(
        [sys.executable, "-m", "reader", "add", "-", "--library", str(empty_library)],
        input=gzip.compress(html) if packed else html,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    [file] = articles_in(empty_library)
    assert STORY_QUOTE in read_article(file).text


def test_files_of_every_kind_and_a_bad_one(tmp_path: Path, empty_library: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text('A local story\n\nShe said: "It [bold]works[/]."\n\n1. Not a list.\n')
    page = tmp_path / "saved page.html"
    page.write_bytes(gzip.decompress(PAGES["markets.html"].read_bytes()))
    missing = tmp_path / "missing.txt"
    result = run_reader("add", str(text), str(page), str(missing), "--library", str(empty_library))
    assert result.returncode == 1  # one failed; the others were still added
    assert f"{missing}: no such file" in result.stderr
    files = articles_in(empty_library)
    assert len(files) == 2
    local = next(f for f in files if f.name.startswith("a-local-story"))
    assert (
        read_article(local).text
        == 'A local story\n\nShe said: "It [bold]works[/]."\n\n1. Not a list.\n'
    )


def test_an_article_titled_like_a_projects_file_is_added_where_the_library_reads_it(
    tmp_path: Path, empty_library: Path
) -> None:
    # ("Changelog" was saved as changelog.md, a name the library skips as a project's file:
    # "added", then never listed, and added again as changelog-2.md)
    story = tmp_path / "story.txt"
    story.write_text("Changelog\n\nThe council changed its log of decisions on Monday.\n")
    for _ in range(2):
        run_reader("add", str(story), "--library", str(empty_library))
        listed = json.loads(run_reader("list", "--json", "--library", str(empty_library)).stdout)
        assert [row["title"] for row in listed] == ["Changelog"]
    assert len(list(empty_library.glob("*.md"))) == 1


@pytest.mark.parametrize("title", ["CON", "nul", "Com1"])
def test_an_article_titled_as_a_windows_device_gets_a_file_windows_can_hold(
    title: str, tmp_path: Path, empty_library: Path
) -> None:
    # saved as con.md and nul.md: a library synced to Windows cannot hold them (the
    # Obsidian export guarded against those names already; an attack's finding)
    story = tmp_path / "story.txt"
    story.write_text(f"{title}\n\nThe council met on Monday and voted on the budget.\n")
    assert run_reader("add", str(story), "--library", str(empty_library)).returncode == 0
    [saved] = empty_library.glob("*.md")
    assert saved.name == f"{title.lower()}-article.md"


def test_a_feed_adds_its_newest_items_once(site: str, empty_library: Path) -> None:
    result = run_reader(
        "add", "--feed", f"{site}/feed.xml", "--limit", "2", "--library", str(empty_library)
    )
    assert result.returncode == 0, result.stderr
    titles = [read_article(f).meta["url"].rsplit("/", 1)[1] for f in articles_in(empty_library)]
    assert sorted(titles) == ["markets.html", "spurs.html"]  # the two newest items
    again = run_reader(
        "add", "--feed", f"{site}/feed.xml", "--json", "--library", str(empty_library)
    )
    statuses = {Path(r["source"]).name: r["status"] for r in json.loads(again.stdout)}
    assert statuses == {"markets.html": "present", "spurs.html": "present", "story.html": "added"}
    spurs = next(f for f in articles_in(empty_library) if "spurs" in read_article(f).meta["url"])
    assert "— Tottenham Hotspur (@SpursOfficial)" in read_article(spurs).text  # the tweet it quotes


def test_fetch_stops_at_the_size_limit(site: str) -> None:
    with pytest.raises(FetchError, match="over"):
        fetch(f"{site}/story.html", max_bytes=1000)


def test_the_markdown_written_reads_back_as_the_text() -> None:
    from reader.library.adding import to_markdown
    from reader.library.extraction import Block, CleanArticle

    article = CleanArticle(
        title="A [title] with *marks*",
        blocks=[
            Block("p", "# not a heading"),
            Block("quote", "> “Quoted,” she said."),
            Block("p", "- 3. <b>&amp;</b> | \\"),
        ],
    )
    text = read_back(to_markdown(article, added="2026-01-01"))
    assert text.split("\n\n") == [
        "A [title] with *marks*",
        "# not a heading",
        "> “Quoted,” she said.",
        "- 3. <b>&amp;</b> | \\\n",
    ]


@pytest.mark.parametrize(
    "title", ["Files moved to C:\\", 'Mayor says "no" to C:\\temp plan', "a \\\\ b", "it's"]
)
def test_front_matter_values_are_yaml_strings_that_read_back_whole(title: str) -> None:
    # "C:\" had been written unescaped, ending the YAML string early (other tools could
    # not read the file); "\t" inside read in YAML as a tab
    from reader.library.adding import to_markdown
    from reader.library.extraction import Block, CleanArticle

    document = to_markdown(CleanArticle(title=title, blocks=[Block("p", "Text.")]), "2026-01-01")
    line = next(line for line in document.splitlines() if line.startswith("title: "))
    assert json.loads(line.removeprefix("title: ")) == title  # (JSON's escapes are YAML's)
    meta, _body = split_front_matter(document)
    assert meta["title"] == title


def test_front_matter_written_by_hand_keeps_other_backslashes_and_single_quotes() -> None:
    meta, _ = split_front_matter("---\ntitle: 'it''s C:\\temp'\nsite: \"a \\d b\"\n---\nx")
    assert meta == {"title": "it's C:\\temp", "site": "a \\d b"}


def test_a_refetched_page_that_changed_keeps_its_annotations(
    site: str, empty_library: Path
) -> None:
    page = gzip.decompress(PAGES["story.html"].read_bytes())
    set_live_page(page)
    url = f"{site}/live.html"
    assert run_reader("add", url, "--library", str(empty_library)).returncode == 0
    [file] = articles_in(empty_library)
    tag_quotes(empty_library, [(file.name, "I just want to be able", "Taylor Swift", ["music"])])
    before = read_article(file).text.index("I just want to be able")
    unchanged = run_reader("add", "--update", url, "--library", str(empty_library))
    assert unchanged.returncode == 0 and "unchanged:" in unchanged.stdout
    # The site inserts a paragraph before the quote and corrects a word.
    inserted = b"<p>Editor's note: this story was updated on Wednesday with new details.</p>"
    edited = page.replace(b"<p>The group that owns", inserted + b"<p>The group that owns", 1)
    set_live_page(edited.replace(b"high profile support", b"high-profile support", 1))
    updated = run_reader("add", "--update", url, "--library", str(empty_library))
    assert updated.returncode == 0, updated.stderr
    assert "updated:" in updated.stdout and "1 annotation re-anchored" in updated.stdout
    text = read_article(file).text
    assert "Editor's note" in text and "high-profile support" in text
    saved = json.loads((empty_library / "reader.json").read_text())["annotations"]
    [annotation] = saved.values()
    assert annotation["start"] == text.index("I just want to be able") > before
    assert not annotation.get("orphaned")
    [kept] = (empty_library / ".reader-backups" / "articles").iterdir()
    assert "high profile support" in kept.read_text(encoding="utf-8")  # the old version
    assert articles_in(empty_library) == [file]
    assert "other words" not in updated.stdout  # moved, its words the same
    # A word inside the quotation itself changes: said, so the user can check it.
    set_live_page(edited.replace(b"perform my own music", b"perform all my own music", 1))
    reworded = run_reader("add", "--update", url, "--library", str(empty_library))
    assert "1 annotation re-anchored, 1 of them now in other words" in reworded.stdout
    # which one, and how it read (a journalist's finding: "check them" named none)
    assert "now reads differently: Taylor Swift: “I just want to be able" in reworded.stdout
    assert "all my own music" in reworded.stdout.split("->")[-1]


def test_an_article_with_a_long_file_name_is_updated_its_old_copy_named_to_fit(
    site: str, empty_library: Path
) -> None:
    """A valid name of 240 bytes (a teammate's import brings names as they are): the old
    copy kept in .reader-backups/articles/ was named past 255 bytes, and no update could
    ever be made (the message blamed a link or a file in the way; an attacker's finding)."""
    page = gzip.decompress(PAGES["story.html"].read_bytes())
    set_live_page(page)
    url = f"{site}/live.html"
    assert run_reader("add", url, "--library", str(empty_library)).returncode == 0
    [file] = articles_in(empty_library)
    long_name = file.with_name("n" * 237 + ".md")
    file.rename(long_name)
    assert run_reader("list", "--library", str(empty_library)).returncode == 0
    set_live_page(page.replace(b"high profile support", b"high-profile support", 1))
    updated = run_reader("add", "--update", url, "--library", str(empty_library))
    assert updated.returncode == 0, updated.stderr
    assert "updated:" in updated.stdout
    assert "high-profile support" in read_article(long_name).text
    [kept] = (empty_library / ".reader-backups" / "articles").iterdir()
    assert "high profile support" in kept.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("binary.html", bytes(range(256)) * 64, "not a web page"),
        ("empty.html", b"", "not a web page"),
        ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article"),
        ("picture.png", b"\x89PNG\r\n", "not an article file"),
    ],
    ids=["binary", "empty", "menu", "picture"],
)
def test_bad_files_are_one_line_and_nothing_is_written(
    tmp_path: Path, empty_library: Path, name: str, data: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    result = run_reader("add", str(bad), "--library", str(empty_library))
    assert result.returncode == 1
    assert message in result.stderr and str(bad) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert articles_in(empty_library) == []


_CAFE_STORY = (
    "<!DOCTYPE html>\n<html><head>{meta}<title>Café owner wins ‘best pastry’ award | Le Journal"
    '</title>\n<meta property="og:site_name" content="Le Journal"><meta property="og:type" '
    'content="article"></head>\n<body><nav><a href="/">Accueil</a></nav>\n<article><h1>Café '
    "owner wins ‘best pastry’ award</h1>\n<p>Renée Dupré, who runs a small café in the old "
    "town, has won the regional prize for the best pastry — beating forty other bakers with "
    "her crème brûlée tart.</p>\n<p>“I did not expect it at all,” she said. “My grandmother "
    "taught me this recipe when I was twelve.”</p>\n<p>The judges praised the tart’s “perfect "
    "balance” and said it cost only £4.50 a slice, or about €5.</p>\n<p>Dupré said she would "
    "use the prize money to buy a new oven and to take on an apprentice from the local college "
    "next autumn.</p>\n</article></body></html>\n"
)


@pytest.mark.parametrize(
    "meta",
    ["", '<meta charset="utf-8">', '<meta charset="iso-8859-1">', '<meta charset="windows-1252">'],
    ids=["undeclared", "declared-utf8-wrongly", "declared-latin1", "declared"],
)
def test_a_page_saved_in_windows_1252_reads_as_written(
    tmp_path: Path, empty_library: Path, meta: str
) -> None:
    # trafilatura guessed Central European for a short undeclared page ("crčme brűlée",
    # "Ł4.50"); a browser in a Western locale reads it as Windows-1252, and so does Reader
    page = tmp_path / "cafe.html"
    page.write_bytes(_CAFE_STORY.format(meta=meta).encode("cp1252"))
    result = run_reader("add", str(page), "--library", str(empty_library))
    assert result.returncode == 0, result.stderr
    [file] = articles_in(empty_library)
    text = read_article(file).text
    assert "crème brûlée tart" in text and "£4.50" in text and "Renée Dupré" in text


def test_a_gzipped_page_is_read_and_binary_bytes_are_never_an_article(
    tmp_path: Path, empty_library: Path
) -> None:
    page = tmp_path / "cafe.html"
    page.write_bytes(gzip.compress(_CAFE_STORY.format(meta="").encode("utf-8")))
    assert run_reader("add", str(page), "--library", str(empty_library)).returncode == 0
    [file] = articles_in(empty_library)
    assert "crème brûlée tart" in read_article(file).text
    # All the text of a binary file is no article either: refused, with no advice to try it
    binary = tmp_path / "program.html"
    binary.write_bytes(bytes(range(256)) * 64)
    for extra in ([], ["--raw"]):
        result = run_reader("add", str(binary), *extra, "--library", str(empty_library))
        assert result.returncode == 1
        assert "binary file, not a web page" in result.stderr and "--raw" not in result.stderr
    assert articles_in(empty_library) == [file]


def test_another_cleaning_asked_of_a_page_already_added_says_how_to_replace_its_text(
    site: str, empty_library: Path
) -> None:
    # "--raw" of a page in the library said only "already in the library", as if the raw
    # text had been taken; the command that replaces it works as printed
    assert run_reader("add", f"{site}/story.html", "--library", str(empty_library)).returncode == 0
    again = run_reader("add", "--raw", f"{site}/story.html", "--library", str(empty_library))
    assert again.returncode == 0 and "already in the library" in again.stdout
    [hint] = [line for line in again.stdout.splitlines() if "to replace it:" in line]
    command = shlex.split(hint.split("to replace it:", 1)[1].split(" (", 1)[0])
    assert command[3:6] == ["add", "--update", "--raw"]
    replaced = run_reader(*command[1:])
    assert replaced.returncode == 0 and "updated:" in replaced.stdout


def test_show_removed_lists_a_paragraph_trafilatura_left_out(
    tmp_path: Path, empty_library: Path
) -> None:
    story = "".join(
        f"<p>Paragraph {n}: the museum reopened on Tuesday after two years of repairs to "
        "its roof and its galleries.</p>"
        for n in range(5)
    )
    aside = (
        "<aside><p>Entry remains free, and the museum will open late on Thursdays during "
        "the summer months.</p></aside>"
    )
    page = tmp_path / "museum.html"
    page.write_text(
        "<html><head><title>Museum reopens</title></head><body><article><h1>Museum reopens"
        f"</h1>{story}{aside}</article></body></html>",
        encoding="utf-8",
    )
    shown = run_reader("add", str(page), "--show-removed", "--library", str(empty_library))
    assert shown.returncode == 0, shown.stderr
    assert "trafilatura left out 1 paragraph:" in shown.stdout
    assert "- Entry remains free" in shown.stdout and "--update --raw" in shown.stdout


def test_show_removed_says_what_the_cleaning_cut_and_why(site: str, empty_library: Path) -> None:
    result = run_reader(
        "add", f"{site}/story.html", "--show-removed", "--library", str(empty_library)
    )
    assert result.returncode == 0, result.stderr
    assert "cleaning: trafilatura+reader" in result.stdout
    assert "- Follow Newsbeat on Instagram, Facebook, Twitter and YouTube." in result.stdout
    assert "link text)" in result.stdout  # the evidence for it
    assert "--update --no-clean" in result.stdout and "--raw" in result.stdout
    # The way back works as printed, from any folder: it names the library.
    [hint] = [line for line in result.stdout.splitlines() if "missing a paragraph?" in line]
    command = shlex.split(hint.split("?", 1)[1].split(" (", 1)[0])
    assert command[:3] == ["reader", "--library", str(empty_library)]
    again = run_reader(*command[1:])
    assert again.returncode == 0, again.stderr
    assert "updated:" in again.stdout


def test_json_names_the_source_of_a_failure(site: str, empty_library: Path) -> None:
    missing = f"{site}/no-such-page.html"
    result = run_reader("add", missing, "--json", "--library", str(empty_library))
    assert result.returncode == 1
    [entry] = json.loads(result.stdout)
    assert entry["source"] == missing and entry["status"] == "error"
    assert "404" in entry["error"]


def test_json_names_the_cleaning_and_lists_what_was_removed(site: str, empty_library: Path) -> None:
    result = run_reader(
        "add", f"{site}/story.html", "--json", "--show-removed", "--library", str(empty_library)
    )
    [entry] = json.loads(result.stdout)
    assert entry["cleaning"] == "trafilatura+reader"
    texts = [removed["text"] for removed in entry["removed"]]
    assert "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube." in texts
    assert all(removed["reason"] for removed in entry["removed"])
    [file] = articles_in(empty_library)
    meta, _body = split_front_matter(file.read_text(encoding="utf-8"))
    assert meta["cleaning"] == "trafilatura+reader"


def test_a_paragraph_the_cleaning_removed_comes_back_with_no_clean(
    site: str, empty_library: Path
) -> None:
    url = f"{site}/story.html"
    assert run_reader("add", url, "--library", str(empty_library)).returncode == 0
    [file] = articles_in(empty_library)
    assert "Follow Newsbeat" not in read_article(file).text
    again = run_reader("add", "--update", "--no-clean", url, "--library", str(empty_library))
    assert again.returncode == 0, again.stderr
    assert "updated:" in again.stdout
    assert "Follow Newsbeat" in read_article(file).text
    assert read_article(file).meta["cleaning"] == "trafilatura"


def test_raw_keeps_all_the_text_of_the_page(site: str, empty_library: Path) -> None:
    result = run_reader("add", f"{site}/story.html", "--raw", "--library", str(empty_library))
    assert result.returncode == 0, result.stderr
    [file] = articles_in(empty_library)
    article = read_article(file)
    assert article.meta["cleaning"] == "raw"
    assert STORY_SENTENCE in article.text
    assert "Related Topics" in article.text  # the page's furniture too


def test_boilerplate_other_pages_of_the_site_repeat_is_removed(
    site: str, empty_library: Path
) -> None:
    footer = "Harbour Times is owned by its readers and answers to nobody else in this town."
    stories = [
        " ".join([f"Story {n}: the council met on the {n}th and decided on item {n}."] * 6)
        for n in (1, 2, 3)
    ]
    for number, story in enumerate(stories, 1):
        set_live_page(
            (
                f"<html><head><title>Council story {number}</title></head><body><article>"
                f"<h1>Council story {number}</h1><p>{story}</p><p>{story}</p>"
                f"<p>{footer}</p></article></body></html>"
            ).encode()
        )
        url = f"{site}/live.html?story={number}"
        result = run_reader("add", url, "--show-removed", "--library", str(empty_library))
        assert result.returncode == 0, result.stderr
    # The third page: the footer was on the two pages before it, on this site.
    assert "on 2 other pages of this site" in result.stdout
    newest = next(f for f in articles_in(empty_library) if "story-3" in f.name)
    assert footer not in read_article(newest).text
    assert list((empty_library / ".reader-sites").iterdir())


SAVED_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council approves new bike lanes on King Street | The Harbour Herald</title>
<meta name="author" content="Priya Natarajan">
<link rel="canonical" href="https://harbourherald.example/news/bike-lanes-king-street">
</head><body><nav><a href="/news">News</a> <a href="/sports">Sports</a></nav>
<main><article><h1>Council approves new bike lanes on King Street</h1>
<p>City council voted 9-4 on Thursday night to build protected bike lanes along a
three-kilometre stretch of King Street, ending a debate that has run for two years.</p>
<p>"This is a safety project first and foremost," said Councillor Maria Okafor, who
brought the motion forward. "We have lost two cyclists on this corridor since 2023."</p>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<p>Business owners along the street were divided. Dave Kowalski, who runs a hardware
store near Queen Street, said the loss of 120 parking spaces would hurt him.</p>
</article></main></body></html>"""


def _way_back(stdout: str) -> list[str]:
    [hint] = [line for line in stdout.splitlines() if "missing a paragraph?" in line]
    return shlex.split(hint.split("?", 1)[1].split(" (", 1)[0])


def test_the_way_back_printed_for_a_saved_page_works_from_another_folder(
    tmp_path: Path, empty_library: Path
) -> None:
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "council-vote.html").write_text(SAVED_PAGE, encoding="utf-8")
    added = run_reader(
        "add", "--show-removed", "web/council-vote.html", "--library", str(empty_library),
        cwd=tmp_path,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    command = _way_back(added.stdout)
    assert command[-1] == str(tmp_path / "web" / "council-vote.html")  # a full path
    again = run_reader(*command[1:], cwd=empty_library)
    assert again.returncode == 0, again.stderr
    assert "updated:" in again.stdout or "unchanged:" in again.stdout
    [file] = articles_in(empty_library)
    assert read_article(file).meta["cleaning"] == "trafilatura"
    assert read_article(file).meta["site"] == "The Harbour Herald"  # as its title names it


def test_show_removed_on_a_page_already_added_shows_what_its_cleaning_removed(
    tmp_path: Path, empty_library: Path
) -> None:
    page = tmp_path / "council-vote.html"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    assert run_reader("add", str(page), "--library", str(empty_library)).returncode == 0
    again = run_reader("add", "--show-removed", str(page), "--library", str(empty_library))
    assert again.returncode == 0, again.stderr
    assert "already in the library" in again.stdout
    assert "cleaning: trafilatura+reader" in again.stdout
    assert _way_back(again.stdout)[-1] == str(page)
    # From standard input too, and the way back names it as -.
    piped = run_reader(
        "add", "--show-removed", "-", "--library", str(empty_library), stdin=SAVED_PAGE
    )
    assert piped.returncode == 0, piped.stderr
    assert "cleaning: trafilatura+reader" in piped.stdout
    assert _way_back(piped.stdout)[-1] == "-"
    assert len(articles_in(empty_library)) == 1


def test_update_of_a_saved_page_not_in_the_library_says_add_it_first(
    tmp_path: Path, empty_library: Path
) -> None:
    page = tmp_path / "council-vote.html"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    result = run_reader("add", "--update", str(page), "--library", str(empty_library))
    assert result.returncode == 1
    assert "add it first" in result.stderr and str(page) in result.stderr
    assert articles_in(empty_library) == []


def test_raw_on_a_page_with_no_text_does_not_suggest_raw(tmp_path: Path) -> None:
    page = tmp_path / "nothing.html"
    page.write_text("<html><body><div><div><div></div></div></div></body></html>")
    library = tmp_path / "lib"
    library.mkdir()
    result = run_reader("add", "--raw", str(page), "--library", str(library))
    assert result.returncode == 1 and "no text found" in result.stderr
    assert "--raw" not in result.stderr


def test_a_library_on_a_read_only_disk_is_said_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only mount (a USB stick, a snapshot): the new file cannot be made, and the
    clean-up of a file never made is not tried (it raised the same error again, and the
    user saw two tracebacks)."""
    import errno

    from reader.library.adding import AddError, _new_file

    def read_only(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "open", read_only)
    monkeypatch.setattr(Path, "unlink", read_only)
    with pytest.raises(AddError) as raised:
        _new_file(tmp_path, "A story", "text")
    assert str(raised.value) == (
        f"{tmp_path}: cannot write a new article into it (Read-only file system); check that "
        "the library folder is writable"
    )


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Court rules on rail safety bill", "court-rules-on-rail-safety-bill"),
        ("日本語のニュース 東京", "日本語のニュース-東京"),  # its own letters: not article-N.md
        ("Ελληνικά νέα", "ελληνικά-νέα"),
        ("A" * 5_000, "a" * 72),  # a first word longer than a name: cut, not dropped
        ("\u202e\x00 ***", ""),  # nothing of a name: `article.md`
        ("../../etc/passwd", "etc-passwd"),
    ],
)
def test_a_new_articles_file_is_named_from_its_title(title: str, stem: str) -> None:
    from reader.core.paths import slug

    assert slug(title) == stem


@given(st.text(max_size=400))
def test_a_stem_from_any_title_fits_a_file_name_with_room_for_its_suffixes(title: str) -> None:
    """Letters of Adlam (Fula news) or CJK Extension B take 4 bytes each: 72 of them made a
    name of 288 bytes, and the article could not be added ("check that the library folder is
    writable")."""
    from reader.core.paths import STEM_BYTES, slug

    stem = slug(title)
    assert len(stem) <= 72 and len(stem.encode("utf-8")) <= STEM_BYTES
    assert len(f"{stem}-article-1000.md".encode()) < 255


def test_an_article_headlined_in_a_script_of_four_byte_letters_is_added(tmp_path: Path) -> None:
    adlam = "".join(chr(0x1E922 + (i * 7) % 34) for i in range(77))
    title = " ".join(adlam[i : i + 7] for i in range(0, 77, 7))  # eleven words of seven
    source = tmp_path / "fula.txt"
    source.write_text(f"{title}\n\n{title} {title}.\n", encoding="utf-8")
    library = tmp_path / "library"
    library.mkdir()
    result = run_reader("add", "--library", str(library), str(source))
    assert result.returncode == 0, result.stderr
    (added,) = library.glob("*.md")
    assert len(added.name.encode()) <= 255 and title.startswith(added.stem.replace("-", " "))


def test_a_page_whose_text_is_more_lines_than_an_article_is_refused_unwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--raw` keeps every paragraph of a page: 900,000 of them (an 8 MB crafted page) made
    a Markdown file the library's scan then parsed for a minute, twice. Over the lines a
    Markdown article may hold, the page is refused in one line and no file is written."""
    from reader.library import article_files
    from reader.library.adding import AddError, add_source
    from reader.library.extraction import RAW
    from reader.library.folder import Library
    from reader.storage.database import Store

    monkeypatch.setattr(article_files, "MOST_MARKDOWN_LINES", 100)
    page = tmp_path / "list.html"
    lines = "".join(f"<p>Line {number} of the list.</p>" for number in range(80))
    page.write_text(f"<html><head><title>A list</title></head><body>{lines}</body></html>")
    folder = tmp_path / "library"
    folder.mkdir()
    library = Library(folder, Store(folder / "reader.json"))
    with pytest.raises(AddError, match=r"list\.html: its text runs to 80 paragraphs, more than"):
        add_source(library, str(page), cleaning=RAW)
    assert not list(folder.glob("*.md"))


def harbour_page(title: str, *more: str) -> str:
    """A story page about the harbour plan, under `title`, with `more` sentences."""
    story = "".join(
        f"<p>{sentence} The council met for three hours before the vote was taken.</p>"
        for sentence in (
            "The council approved the harbour plan on Tuesday by nine votes to two.",
            "The plan widens the east pier and adds a ferry terminal by 2028.",
            "Residents near the pier asked for a study of the noise from the works.",
            *more,
        )
    )
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{story}"
        "</article></body></html>"
    )


def test_a_page_saved_again_says_the_article_of_its_title_can_be_updated(tmp_path: Path) -> None:
    """An edited copy of a saved page, with no address to match it by, became a second
    article in silence, where `--update FILE` would have replaced the first one's text (a
    newcomer's finding). It is added (it may be another story), and the command is given;
    done as said, the first article takes the new text."""
    library = tmp_path / "library"
    library.mkdir()
    page = harbour_page(
        "Harbour plan approved",
        "The mayor said the terminal would bring the first new jobs in a decade.",
    )
    first, again = tmp_path / "saved.html", tmp_path / "saved-again.html"
    first.write_text(page, encoding="utf-8")
    again.write_text(page.replace("nine votes to two", "ten votes to one"), encoding="utf-8")
    assert run_reader("add", str(first), "--library", str(library)).returncode == 0
    added = run_reader("add", str(again), "--library", str(library))
    assert added.returncode == 0, added.stderr
    assert (
        "the library holds an article of the same title: harbour-plan-approved.md" in added.stdout
    )
    command = added.stdout.split("`")[1]
    third = tmp_path / "third.html"
    third.write_text(page.replace("nine votes to two", "eight votes to three"), encoding="utf-8")
    listed = run_reader("add", str(third), "--json", "--library", str(library))
    assert json.loads(listed.stdout)[0]["same_title"] == "harbour-plan-approved.md"
    (library / "harbour-plan-approved-3.md").unlink()
    (library / "harbour-plan-approved-2.md").unlink()  # as the line says
    updated = run_reader(*shlex.split(command)[1:], "--library", str(library))
    assert updated.returncode == 0, updated.stderr
    assert "ten votes to one" in (library / "harbour-plan-approved.md").read_text(encoding="utf-8")


def test_a_page_at_a_new_address_with_an_articles_title_names_the_update_that_works(
    site: str, empty_library: Path
) -> None:
    # the line said to delete the copy and `reader add --update NEW-ADDRESS`, which no
    # article has: done as said, the update failed and left a "file missing" record (an
    # attack's finding); it names the first article's own address now
    page = harbour_page("Harbour plan")
    set_live_page(page.encode())
    lib = ("--library", str(empty_library))
    assert run_reader("add", f"{site}/live.html", *lib).returncode == 0
    set_live_page(page.replace("nine votes to two", "ten votes to one").encode())
    added = run_reader("add", f"{site}/live.html?utm_source=rss", *lib)
    assert added.returncode == 0, added.stderr
    command = added.stdout.split("`")[1]
    assert command == f"reader add --update {site}/live.html"
    # (and never to delete the new copy first: the old address may still give the old text)
    assert "harbour-plan-2.md" not in added.stdout.split("same title:")[1].split(";")[1]
    assert "keep both" in added.stdout
    updated = run_reader(*shlex.split(command)[1:], *lib)
    assert updated.returncode == 0, updated.stderr
    assert "ten votes to one" in (empty_library / "harbour-plan.md").read_text(encoding="utf-8")
