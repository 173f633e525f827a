"""The blind set of stop 78 (ghana-quotes) is rebuilt by the rule its converter's docstring
states: checked here on small made-up feeds in a made-up repository, never the real one."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bench import convert_ghana_quotes as ghana
from bench.convert_probes import convert_article
from bench.fetch_extraction_corpus import Repository, Source
from tests.helpers.quotes import marked_words

_REPO = "o/ghana-feed"
_FEED, _PUBLIC = ghana.FILES


def _body(tag: str, words: int = 160, marks: str = "“”“”") -> str:
    """A story's HTML: `words` whitespace-split words in paragraphs of ten, the first words
    each holding one mark of `marks` in turn (`marked_words`)."""
    out = marked_words(tag, words, marks)
    return "".join(f"<p>{' '.join(out[at : at + 10])}</p>" for at in range(0, words, 10))


def _story(link: str, title: str, content: str | None) -> dict[str, Any]:
    return {"id": title, "source": "Outlet", "title": title, "link": link, "content": content}


def _feed(*stories: dict[str, Any]) -> dict[str, Any]:
    return {"generated_at": "2026-01-11T01:21:17.084Z", "count": len(stories), "stories": stories}


def _history(
    tmp_path: Path, versions: list[dict[str, dict[str, Any] | None]]
) -> tuple[Path, list[Repository]]:
    """Each version (a feed file's path -> its feed, None to remove it) committed in turn to
    a made-up repository, read through a bare copy as a mirror: the mirror, and a reader of
    each commit, oldest first."""
    work = tmp_path / "work"
    work.mkdir()

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(work), *args], capture_output=True, check=True, text=True
        ).stdout.strip()

    git("init", "-q")
    (work / "README.md").write_text("not a feed\n", encoding="utf-8")
    commits = []
    for version in versions:
        for path, feed in version.items():
            target = work / path
            if feed is None:
                target.unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(feed), encoding="utf-8")
        git("add", "-A")
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "feed")
        commits.append(git("rev-parse", "HEAD"))
    mirror = tmp_path / "mirror"
    bare = mirror / _REPO.replace("/", "+") / "repo"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True)
    return mirror, [Repository(Source(_REPO, commit), mirror, tmp_path) for commit in commits]


def _titles(pages: list[tuple[str, str]]) -> list[str]:
    return [text.split("\n", 1)[0] for _, text in pages]


# --- gathering --------------------------------------------------------------------------------


def test_candidates_walk_the_commits_in_turn_feed_then_public_the_first_of_a_link_kept(
    tmp_path: Path,
) -> None:
    a, b, c, d, e = (f"https://www.adomonline.com/{tag}/" for tag in "abcde")
    _, repositories = _history(
        tmp_path,
        [
            # the first commit has no public/news-feed.json: only its feed.json is read
            {_FEED: _feed(_story(a, "A", "<p>a1</p>"), _story(b, "B", None))},
            {
                _PUBLIC: _feed(
                    _story(f"  {a}\n", "A again", "<p>a2</p>"),  # (stripped: met before)
                    _story(c, "C", "  \n "),  # blank content: no candidate ...
                    _story(d, "D", "<p>d2</p>"),
                    _story("  ", "No link", "<p>x</p>"),
                    _story(e, "E", "<p>e2</p>"),
                ),
                _FEED: _feed(
                    _story(b, "B", "<p>b2</p>"),  # null before: a candidate now
                    _story(e, "E in feed", "<p>e1</p>"),  # (feed.json read first)
                ),
            },
            {
                _PUBLIC: _feed(
                    _story(c, "C", "<p>c3</p>"),  # ... but one later
                    _story(d, "D again", "<p>d3</p>"),
                ),
                _FEED: None,  # (a commit without feed.json: skipped)
            },
        ],
    )
    assert ghana.candidates(repositories) == [
        (a, "A", "<p>a1</p>"),
        (b, "B", "<p>b2</p>"),
        (e, "E in feed", "<p>e1</p>"),
        (d, "D", "<p>d2</p>"),
        (c, "C", "<p>c3</p>"),
    ]
    # in the order given, not the commits' own
    assert [link for link, _, _ in ghana.candidates(repositories[::-1])] == [c, d, b, e, a]


# --- the text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "paragraphs"),
    [
        ("<p>One.</p><p>Two.</p>", ["One.", "Two."]),
        ("One.<br>Two.<br/>Three.<BR />Four.", ["One.", "Two.", "Three.", "Four."]),
        (
            '<div class="x"><h2>Head</h2><ul><li>A</li><li>B</li></ul></div>',
            ["Head", "A", "B"],
        ),
        (
            "<blockquote>Q</blockquote><figure><img src=x><figcaption>Cap</figcaption></figure>"
            "<table><tr><td>cell</td><td>two</td></tr></table>",
            ["Q", "Cap", "celltwo"],
        ),
        # every other tag dropped, no break (not <b>, <pre>, <param>, <span>, <a>)
        (
            '<p>A <b>bold</b> <a href="/x">link</a>, <span>s</span><pre>p</pre><param x>!</p>',
            ["A bold link, sp!"],
        ),
        # script and style elements dropped whole
        (
            "<p>Before<script>var x = '<p>no</p>';</script> after<style>p{}</style></p>",
            ["Before after"],
        ),
        # entities decoded twice; non-breaking and thin spaces, tabs: one space
        (
            "<p>&amp;#8220;Go,&amp;#8221; she said &amp;amp; left.</p><p>A&nbsp;\t\u2009 B</p>",
            ["“Go,” she said & left.", "A B"],
        ),
        ("<p>  </p><p>&nbsp;</p>\r\n<p> Kept\r </p>\n\n", ["Kept"]),
        ("No breaks at all, one block.", ["No breaks at all, one block."]),
        ("Line one\nline two", ["Line one", "line two"]),
    ],
)
def test_paragraphs_of_html(markup: str, paragraphs: list[str]) -> None:
    assert ghana.paragraphs_of_html(markup) == paragraphs


def test_text_is_the_headline_then_one_paragraph_a_line() -> None:
    assert ghana.headline_of("  <b>Mahama</b> &amp;#8216;wins&amp;#8217;\n again ") == (
        "Mahama ‘wins’ again"
    )
    assert ghana.headline_of("<p></p>") == "<p></p>"  # (nothing left: as stored, stripped)
    assert ghana.text_of("Head &amp; line", ["One.", "“Two,” he said."]) == (
        "Head & line\nOne.\n“Two,” he said.\n"
    )


# --- the rule ---------------------------------------------------------------------------------


def test_keeps_150_to_1500_words_and_four_double_marks_of_the_body(tmp_path: Path) -> None:
    stories = [
        _story("https://a.com/w149/", "w149", _body("a", 149)),
        _story("https://a.com/w150/", "w150", _body("b", 150, '""“”')),  # (straight count)
        _story("https://b.com/w1500/", "w1500", _body("c", 1500)),
        _story("https://b.com/w1501/", "w1501", _body("d", 1501)),
        _story("https://c.com/m3/", "“m3” “", _body("e", 200, "“”“")),  # (not the headline's)
        # words are counted in the text: tags join or part them
        _story("https://c.com/tags/", "tags", _body("f", 148) + "<p>x<br>y</p>"),
        _story("https://d.com/joined/", "joined", _body("g", 148) + "<p>x<b>y</b></p>"),
    ]
    _, repositories = _history(tmp_path, [{_FEED: _feed(*stories)}])
    assert sorted(_titles(ghana.chosen(repositories))) == ["tags", "w150", "w1500"]


def test_order_is_by_salted_sha256_of_the_link_at_most_three_an_outlet(tmp_path: Path) -> None:
    links = [
        "https://www.adomonline.com/a1/",
        "https://www.adomonline.com/a2/",
        "https://WWW.AdomOnline.com/a3/",
        "https://www.adomonline.com/a4/",
        "https://adomonline.com/a5/",
        "https://sports.adomonline.com/s1/",  # (another outlet)
        "https://www.ghanaweb.com/g1/",
        "https://www.ghanaweb.com/g2/",
    ]
    stories = [_story(link, link.split("/")[-2], _body(str(n))) for n, link in enumerate(links)]
    _, repositories = _history(tmp_path, [{_PUBLIC: _feed(*stories)}])
    # sha256("stop78-ghana:" + link): a5 a1 g1 g2 a4 s1 a3 a2 (a3, a2: three adomonline.com)
    assert _titles(ghana.chosen(repositories)) == ["a5", "a1", "g1", "g2", "a4", "s1"]


def test_takes_twenty_in_order(tmp_path: Path) -> None:
    stories = [
        _story(f"https://outlet{n}.com/story-{n}/", f"s{n}", _body(f"s{n}")) for n in range(1, 23)
    ]
    _, repositories = _history(tmp_path, [{_FEED: _feed(*stories)}])
    pages = ghana.chosen(repositories)
    order = [11, 22, 3, 15, 5, 12, 8, 20, 7, 10, 19, 13, 16, 4, 14, 9, 6, 17, 18, 1]
    assert _titles(pages) == [f"s{n}" for n in order]  # (21 and 2 come after: not taken)
    assert [name for name, _ in pages] == [f"outlet{n}-2026-story" for n in order]


@pytest.mark.parametrize(
    ("links", "names"),
    [
        (
            ["https://www.adomonline.com/goldbod-losses-are-not-a-design-problem/"],
            ["adomonline-2026-goldbod-losses-are-not-a"],
        ),
        (
            ["https://www.ghanaweb.com/GhanaHomePage/NewsArchive/Show-Me-the-LAW-2016718"],
            ["ghanaweb-2026-show-me-the-law"],
        ),
        (["https://starrfm.com.gh/2026/01/top-10-of_2026.html?x=1"], ["starrfm-2026-top-of"]),
        (["https://www.myjoyonline.com/news/politics/12345/"], ["myjoyonline-2026-politics"]),
        (["https://ghpage.com/2026/01/12/"], ["ghpage-2026-story"]),
        (["https://news.ghpage.com/a.php"], ["news-2026-a"]),
        (
            ["https://x.com/same-words/", "https://x.com/1/same-words", "https://x.com/same_words"],
            ["x-2026-same-words", "x-2026-same-words-2", "x-2026-same-words-3"],
        ),
    ],
)
def test_names(links: list[str], names: list[str]) -> None:
    used: set[str] = set()
    assert [ghana.name_of(link, used) for link in links] == names
    assert used == set(names)


# --- the command ------------------------------------------------------------------------------

_FILLER = " ".join(f"Filler{n} of the story goes on here." for n in range(40))


def test_gold_is_convert_article_of_the_text_with_double_marks_preferred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    quoted = (
        f"<p>{_FILLER}</p><p>“We want to get to the end,” said Jane Roe.</p>"
        "<p>“Fine,” he said. “Two more.”</p>"
    )
    stories = [
        _story("https://www.ghanaweb.com/first-story/", "‘We want to get to the end,’ Roe", quoted),
        _story("https://starrfm.com.gh/other-story/", "Not labelled", _body("o")),
    ]
    mirror, repositories = _history(tmp_path, [{_FEED: _feed(*stories)}])
    sources = {f"c{n}": repository.source for n, repository in enumerate(repositories)}
    monkeypatch.setattr(ghana, "SOURCES", sources)
    monkeypatch.setattr(ghana, "CACHE", tmp_path / "cache")
    labels_path, out = tmp_path / "ghana1_labels.json", tmp_path / "ghana-quotes"
    monkeypatch.setattr(ghana, "BATCHES", {1: (labels_path, out)})
    args = ["--mirror", str(mirror)]

    assert ghana.main(args) == 1  # no labels yet
    assert "label the texts first" in capsys.readouterr().err
    texts = tmp_path / "texts"
    assert ghana.main([*args, "--texts", str(texts)]) == 0
    assert capsys.readouterr().out == f"ghana: 2 texts in {texts}\n"
    first = "ghanaweb-2026-first-story"
    assert sorted(path.name for path in texts.iterdir()) == [
        f"{first}.txt",
        "starrfm-2026-other-story.txt",
    ]
    labels: list[dict[str, Any]] = [
        {"quote_start_words": "We want to get to", "speaker": "Jane Roe"},
        {"quote_start_words": "Fine", "speaker": "none"},
        {"quote_start_words": "Two more", "speaker": "none", "debatable": True},
    ]
    articles = {first: {"labels": labels}}
    labels_path.write_text(json.dumps({"articles": articles}), encoding="utf-8")

    assert ghana.main(args) == 0
    assert capsys.readouterr().out == f"ghana-quotes: 1 articles in {out}\n"
    assert sorted(path.name for path in out.iterdir()) == [f"{first}.quotes.json", f"{first}.txt"]
    text = (out / f"{first}.txt").read_text(encoding="utf-8")
    assert text == (texts / f"{first}.txt").read_text(encoding="utf-8")
    assert text.endswith(
        "\n“We want to get to the end,” said Jane Roe.\n“Fine,” he said. “Two more.”\n"
    )
    gold = json.loads((out / f"{first}.quotes.json").read_text(encoding="utf-8"))
    assert gold == convert_article(text, labels, prefer_double=True)
    assert [(g["start"], g["quote"], g["speaker"], g.get("debatable")) for g in gold] == [
        (text.index("“We want") + 1, "We want to get to the end,", "Jane Roe", None),
        (text.index("“Fine") + 1, "Fine,", None, None),
        (text.index("“Two") + 1, "Two more.", None, True),
    ]
