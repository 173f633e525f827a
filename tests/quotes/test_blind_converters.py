"""The blind sets of stop 77 (gossipcop-quotes, pacific-quotes) are rebuilt by the rules their
converters' docstrings state: checked here on small made-up datasets, never the real ones."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from bench import convert_gossipcop_quotes as gossipcop
from bench import convert_pacific_quotes as pacific
from bench.convert_probes import convert_article
from bench.fetch_extraction_corpus import Repository, Source
from tests.helpers.quotes import marked_words
from tests.quotes.test_probe_convert import _dataset_repository


def _story(tag: str, words: int = 200, marks: str = "“”“”“”") -> str:
    """A story of `words` whitespace-split words, no full stop among them, the first ones
    each holding one mark of `marks` in turn (`marked_words`)."""
    return " ".join(marked_words(tag, words, marks))


# --- gossipcop-quotes -------------------------------------------------------------------------


def _gossipcop_work(work: Path, records: dict[str, dict[str, str]]) -> None:
    """Each record as the dataset keeps it: FOLDER/NAME/news content.json."""
    for name, record in records.items():
        path = work / gossipcop.FOLDER / name / gossipcop.STORY_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record), encoding="utf-8")


def _record(name: str, url: str, text: str | None = None) -> dict[str, str]:
    return {
        "url": url,
        "title": f"Title of {name}",
        "text": _story(name) if text is None else text,
        "publish_date": "2017-10-12",
    }


def _titles(pages: list[tuple[str, str]]) -> list[str]:
    return [text.split("\n", 1)[0].removeprefix("Title of ") for _, text in pages]


def test_gossipcop_story_files_are_listed_with_the_space_in_their_name(tmp_path: Path) -> None:
    work = tmp_path / "work"
    _gossipcop_work(
        work,
        {
            name: _record(name, "https://people.com/x")
            for name in ("gossipcop-1", "gossipcop-10", "gossipcop-2")
        },
    )
    (work / gossipcop.FOLDER / "gossipcop-1" / "tweets.json").write_text("{}", encoding="utf-8")
    (work / gossipcop.FOLDER / "gossipcop-1" / "old news content.json.bak").write_text("x")
    fake = work / "fakenewsnet_dataset" / "gossipcop" / "fake" / "gossipcop-3"
    fake.mkdir(parents=True)
    (fake / gossipcop.STORY_FILE).write_text("{}", encoding="utf-8")

    repository = _dataset_repository(work, tmp_path, "o/gossipcop")
    assert gossipcop.story_paths(repository) == [
        "fakenewsnet_dataset/gossipcop/real/gossipcop-1/news content.json",
        "fakenewsnet_dataset/gossipcop/real/gossipcop-10/news content.json",
        "fakenewsnet_dataset/gossipcop/real/gossipcop-2/news content.json",
    ]


@pytest.mark.parametrize(
    ("url", "outlet", "left_out"),
    [
        ("https://people.com/tv/a-story/", "people.com", False),
        ("http://WWW.UsMagazine.com:80/x", "usmagazine.com", False),
        (
            "https://web.archive.org/web/20171012000000/http://www.eonline.com/x",
            "eonline.com",
            False,
        ),
        ("https://web.archive.org/web/2017id_/https://variety.com/x", "variety.com", False),
        ("https://en.wikipedia.org/wiki/Taylor_Swift", "en.wikipedia.org", True),
        ("https://www.quora.com/Why", "quora.com", True),
        ("https://someone.wordpress.com/2017/x", "someone.wordpress.com", True),
        ("http://fan.livejournal.com/123.html", "fan.livejournal.com", True),
        ("https://www.bbc.com/news/x", "bbc.com", True),
        ("http://news.bbc.co.uk/x", "news.bbc.co.uk", True),
        ("https://web.archive.org/web/20170101000000/https://www.bbc.co.uk/x", "bbc.co.uk", True),
        ("https://notbbc.com/x", "notbbc.com", False),
    ],
)
def test_gossipcop_outlet_is_the_host_and_blogs_encyclopedia_forum_and_bbc_are_left_out(
    url: str, outlet: str, left_out: bool
) -> None:
    assert gossipcop.outlet_of(url) == outlet
    assert gossipcop.excluded(outlet) is left_out


def test_gossipcop_keeps_200_to_1500_words_six_double_marks_no_left_out_host(
    tmp_path: Path,
) -> None:
    people, archived_bbc = (
        "https://people.com/x",
        "https://web.archive.org/web/2017/http://bbc.com/x",
    )
    records = {
        "gossipcop-101": _record("gossipcop-101", people, _story("a", 200, '“”""“”')),
        "gossipcop-102": _record("gossipcop-102", people, _story("b", 199)),
        "gossipcop-103": _record(
            "gossipcop-103", "https://www.usmagazine.com/x", _story("c", 1500)
        ),
        "gossipcop-104": _record("gossipcop-104", "https://upi.com/x", _story("d", 1501)),
        "gossipcop-105": _record("gossipcop-105", people, _story("e", 300, '“”""“')),  # 5 marks
        "gossipcop-106": _record("gossipcop-106", "https://en.wikipedia.org/wiki/X"),
        "gossipcop-107": _record("gossipcop-107", "https://www.quora.com/X"),
        "gossipcop-108": _record("gossipcop-108", "https://fan.wordpress.com/x"),
        "gossipcop-109": _record("gossipcop-109", "https://fan.livejournal.com/x"),
        "gossipcop-110": _record("gossipcop-110", "https://www.bbc.com/news/x"),
        "gossipcop-111": _record("gossipcop-111", "http://news.bbc.co.uk/x"),
        "gossipcop-112": _record("gossipcop-112", archived_bbc),
        "gossipcop-113": _record(
            "gossipcop-113", "https://web.archive.org/web/2017/https://variety.com/x"
        ),
    }
    work = tmp_path / "work"
    _gossipcop_work(work, records)
    # a story of the "fake" folder that would qualify: never read
    fake = work / "fakenewsnet_dataset" / "gossipcop" / "fake" / "gossipcop-900"
    fake.mkdir(parents=True)
    record = _record("gossipcop-900", "https://people.com/fake")
    (fake / gossipcop.STORY_FILE).write_text(json.dumps(record), encoding="utf-8")

    pages = gossipcop.chosen(_dataset_repository(work, tmp_path, "o/gossipcop"))
    # sha256("reader-blind77a|" + name) order: 113, 101, 103 (not the names' order)
    assert _titles(pages) == ["gossipcop-113", "gossipcop-101", "gossipcop-103"]
    assert [name for name, _ in pages] == ["gc-01", "gc-02", "gc-03"]


def test_gossipcop_takes_at_most_four_an_outlet_and_no_text_twice(tmp_path: Path) -> None:
    people = [
        "https://people.com/a",
        "https://www.people.com/b",
        "http://WWW.People.com:80/c",
        "https://web.archive.org/web/20171012000000/https://people.com/d",
        "https://people.com/e",
        "https://people.com/f",
    ]
    records = {
        f"gossipcop-20{n}": _record(f"gossipcop-20{n}", url) for n, url in enumerate(people, 1)
    }
    same = _story("same")  # one story under two names and outlets: the first in order taken
    records["gossipcop-401"] = _record("gossipcop-401", "https://usmagazine.com/x", same)
    records["gossipcop-402"] = _record("gossipcop-402", "https://variety.com/x", same)
    records["gossipcop-501"] = _record("gossipcop-501", "https://upi.com/x")
    work = tmp_path / "work"
    _gossipcop_work(work, records)

    pages = gossipcop.chosen(_dataset_repository(work, tmp_path, "o/gossipcop"))
    # the order: 201 401 203 402 204 501 202 206 205; 402 repeats 401's text; 206 and 205
    # come after four of people.com
    assert _titles(pages) == [
        "gossipcop-201",
        "gossipcop-401",
        "gossipcop-203",
        "gossipcop-204",
        "gossipcop-501",
        "gossipcop-202",
    ]


def test_gossipcop_takes_twenty_named_gc_01_to_gc_20_in_order(tmp_path: Path) -> None:
    records = {
        f"gossipcop-{n}": _record(f"gossipcop-{n}", f"https://outlet{n}.com/x")
        for n in range(600, 622)
    }
    work = tmp_path / "work"
    _gossipcop_work(work, records)

    pages = gossipcop.chosen(_dataset_repository(work, tmp_path, "o/gossipcop"))
    assert [name for name, _ in pages] == [f"gc-{n:02d}" for n in range(1, 21)]
    order = [617, 604, 613, 614, 610, 603, 600, 605, 609, 616, 615, 620, 607, 621, 612, 601]
    order += [618, 611, 602, 608]  # then 606 and 619: not taken
    assert _titles(pages) == [f"gossipcop-{n}" for n in order]


def test_gossipcop_text_is_the_title_then_each_non_empty_stripped_line_a_paragraph() -> None:
    story = '  First line, “as scraped.”  \n\n\n \t \nSecond "line".\r\nThird\n'
    assert gossipcop.text_of({"title": "  A title  ", "text": story}) == (
        'A title\n\nFirst line, “as scraped.”\n\nSecond "line".\n\nThird\n'
    )
    # no title: the first paragraph stands on the title's line (and the story follows whole)
    for title in ("", "  ", None):
        assert gossipcop.text_of({"title": title, "text": story}) == (
            'First line, “as scraped.”\n\nFirst line, “as scraped.”\n\nSecond "line".\n\nThird\n'
        )


# --- the gold: what convert_article gives -----------------------------------------------------

_FILLER = " ".join(f"Filler{n} of the story goes on here." for n in range(40))


def _quoted_story(extra: str = "") -> str:
    """A story of 200 words or more and six double marks, one quotation repeated in single
    marks by its title."""
    return (
        f"{_FILLER}\n"
        "“We want to get to the end,” said Jane Roe.\n"
        f"“Fine,” he said. “Two more.”{extra}\n"
        "Last paragraph.\n"
    )


def test_gossipcop_gold_is_convert_article_of_the_text_with_double_marks_preferred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    unrelated = " ".join(f"Other{n} words of another story here." for n in range(40))
    records = {
        "gossipcop-1": _record("gossipcop-1", "https://people.com/1", _quoted_story()),
        # the same story with a line more, elsewhere: a copy of gossipcop-1
        "gossipcop-2": _record("gossipcop-2", "https://upi.com/2", _quoted_story(" And more.")),
        "gossipcop-3": _record(
            "gossipcop-3", "https://variety.com/3", f"{unrelated} {_story('c')}"
        ),
        "gossipcop-4": _record("gossipcop-4", "https://usmagazine.com/4", _story("d")),
    }
    records["gossipcop-1"]["title"] = "'We want to get to the end,' star says"
    records["gossipcop-2"]["title"] = "Star says it again"
    # a work tree's copy as the mirror: its git directory is its .git
    mirror = tmp_path / "mirror"
    work = mirror / "krishg-11+FakeNews" / "repo"
    _gossipcop_work(work, records)
    commit = _dataset_repository(work, tmp_path / "elsewhere", "o/gossipcop").source.commit
    source = Source("krishg-11/FakeNews", commit)
    monkeypatch.setattr(gossipcop, "SOURCES", {"gossipcop": source})
    monkeypatch.setattr(gossipcop, "CACHE", tmp_path / "cache")
    labels_path, out = tmp_path / "gossipcop1_labels.json", tmp_path / "gossipcop-quotes"
    monkeypatch.setattr(gossipcop, "BATCHES", {1: (labels_path, out)})

    assert gossipcop.main(["--mirror", str(mirror)]) == 1  # no labels yet
    assert "label the texts first" in capsys.readouterr().err
    texts = tmp_path / "texts"
    assert gossipcop.main(["--mirror", str(mirror), "--texts", str(texts)]) == 0
    assert capsys.readouterr().out == f"gossipcop: 4 texts in {texts}\n"
    by_title = {
        (texts / f"gc-0{n}.txt").read_text(encoding="utf-8").split("\n", 1)[0]: f"gc-0{n}"
        for n in range(1, 5)
    }
    first = by_title["'We want to get to the end,' star says"]
    copy, unmatched = by_title["Star says it again"], by_title["Title of gossipcop-3"]
    assert first < copy  # (sha256 order: the copy comes after its original)
    quoted = [{"quote_start_words": "We want to get to", "speaker": "Jane Roe"}]
    articles = {
        first: {"labels": quoted},
        copy: {"labels": quoted},
        unmatched: {"labels": [{"quote_start_words": "Nobody said this", "speaker": "X"}]},
    }
    labels_path.write_text(json.dumps({"articles": articles}), encoding="utf-8")

    assert gossipcop.main(["--mirror", str(mirror)]) == 0
    left_out = sorted(
        [
            (copy, f"{copy} (a copy of {first})"),
            (unmatched, f"{unmatched} (a label matches no quotation)"),
        ]
    )
    assert capsys.readouterr().out == (
        f"gossipcop-quotes: 1 articles in {out}; left out: {', '.join(m for _, m in left_out)}\n"
    )
    assert sorted(path.name for path in out.iterdir()) == [f"{first}.quotes.json", f"{first}.txt"]
    text = (out / f"{first}.txt").read_text(encoding="utf-8")
    assert text == (texts / f"{first}.txt").read_text(encoding="utf-8")
    gold = json.loads((out / f"{first}.quotes.json").read_text(encoding="utf-8"))
    assert gold == convert_article(text, quoted, prefer_double=True)
    body = text.index("“We want") + 1  # the body's quotation, not the title's in single marks
    assert [(g["start"], g["quote"], g["speaker"]) for g in gold] == [
        (body, "We want to get to the end,", "Jane Roe")
    ]
    assert gold != convert_article(text, quoted)  # (without prefer_double: the title's)


# --- pacific-quotes ---------------------------------------------------------------------------

_OBSERVATORY_HEADERS = {
    "abc_news": ["", "url", "news", "tags", "date"],
    "rnz_news": ["", "url", "news", "date"],
    "vbr_news": ["", "url", "date", "title", "news"],
    "abc_urls": ["", "url", "title", "date", "media_type"],
    "rnz_urls": ["", "title", "date", "url", "news"],
}
_NATIONAL = ["Title", "URL", "Date", "Content", "Category", "Sentiment", "People", "Source"]
_TVWAN = ["Title", "Date", "URL", "Content", "Category", "Sentiment", "Source", "People"]


def _header(path: str) -> list[str]:
    if path.startswith("The National/"):
        return _NATIONAL
    if path.startswith("TVWAN/"):
        return _TVWAN
    return next(h for key, h in _OBSERVATORY_HEADERS.items() if path.endswith(f"{key}.csv"))


def _pacific_repositories(
    tmp_path: Path,
    stories: dict[str, list[tuple[str, str, str, str]]],
    headlines: dict[str, list[tuple[str, str]]] | None = None,
) -> dict[str, Repository]:
    """Both repositories with every story file of FILES (those not in `stories`: a header
    alone), a story (url, date, title, story) a row under the file's own columns, and the
    ABC's and RNZ's URL lists (abc_urls, rnz_urls: (url, title) rows)."""
    works = {"observatory": tmp_path / "observatory", "png": tmp_path / "png"}
    files = [*pacific.FILES, *(("observatory", path) for path in pacific.TITLE_FILES)]
    for source, path in files:
        target = works[source] / path
        target.parent.mkdir(parents=True, exist_ok=True)
        header = _header(path)
        rows: list[dict[str, str]] = []
        if path in pacific.TITLE_FILES:
            key = "abc_urls" if path.endswith("abc_urls.csv") else "rnz_urls"
            for url, title in (headlines or {}).get(key, []):
                rows.append({"url": url, "title": title, "date": "2020-01-01"})
        for url, date, title, story in stories.get(path, []):
            if header is _NATIONAL or header is _TVWAN:
                rows.append({"URL": url, "Date": date, "Title": title, "Content": story})
            else:
                rows.append({"url": url, "date": date, "title": title, "news": story})
        # The National's file opens with a byte-order mark, as the real one does
        encoding = "utf-8-sig" if header is _NATIONAL else "utf-8"
        with target.open("w", encoding=encoding, newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
            writer.writeheader()
            for number, row in enumerate(rows):
                writer.writerow({"": str(number), **row})
    return {
        "observatory": _dataset_repository(
            works["observatory"], tmp_path, "worldbank/pacific-observatory"
        ),
        "png": _dataset_repository(works["png"], tmp_path, "charlieikosi/PNG-News-Database"),
    }


_MARSHALL_ABC, _NATIONAL_FILE, _TVWAN_BUSINESS, _TVWAN_LOCAL, _TVWAN_POLITICS = (
    path for _, path in pacific.FILES[:5]
)
_SOLOMON_ABC, _RNZ, _TONGA_ABC, _VANUATU_ABC, _VBR = (path for _, path in pacific.FILES[5:])


def test_pacific_keeps_2019_on_200_to_1500_words_six_marks_of_the_five_hosts_first_row(
    tmp_path: Path,
) -> None:
    a1 = "https://www.abc.net.au/news/2019-05-01/a1/1"
    straight = _story("r", 200, 6 * '"')  # (straight marks count too)
    paragraphs = ["Ministers met on Monday.", f"Then {straight}.", "Last one."]
    stories = {
        # a URL's first row is its candidate: A1's is too short, its later row never counts
        _MARSHALL_ABC: [(a1, "2019-05-01", "", _story("a1", 199))],
        _SOLOMON_ABC: [
            (a1, "2019-05-01", "", _story("a1b")),
            ("https://www.abc.net.au/news/2019-01-01/a2/1", "2019-01-01", "", _story("a2")),
            ("https://www.abc.net.au/news/a3", "2018-12-31", "", _story("a3")),
            ("https://abc.net.au/news/a4", "2020-01-01", "", _story("a4")),  # not the host
            ("https://www.abc.net.au/news/a5", "2020-01-01", "", _story("a5", 1501)),
            ("https://www.abc.net.au/news/a6", "2020-01-01", "", _story("a6", 1500, "“”“”“")),
        ],
        _TONGA_ABC: [("http://www.abc.net.au/news/2021-02-02/a7/2", "2021", "", _story("a7"))],
        _NATIONAL_FILE: [
            (
                "https://www.thenational.com.pg/n1/",
                "Wednesday, March 4th, 2020",
                "N1 headline",
                _story("n1", 1500),
            ),
            ("https://www.thenational.com.pg/n2/", "", "N2 headline", _story("n2")),
        ],
        _TVWAN_LOCAL: [
            ("https://tvwan.com.pg/t1/", "2019", "T1 headline", _story("t1")),
            ("https://www.tvwan.com.pg/t2/", "2019", "T2 headline", _story("t2")),
        ],
        _RNZ: [
            (
                " https://www.rnz.co.nz/international/pacific-news/r1 ",
                "5:47 pm on 2 March 2022",
                "",
                "".join(paragraphs),
            )
        ],
        _VBR: [
            ("https://vbr.vu/news/v1/", "Jan 3, 2023", "V1 headline", _story("v1")),
            ("https://www.example.com/v2/", "Jan 3, 2023", "V2 headline", _story("v2")),
        ],
    }
    headlines = {
        "abc_urls": [
            ("https://www.abc.net.au/news/2019-01-01/a2/1", "An old A2 headline"),
            ("https://www.abc.net.au/news/2019-01-01/a2/1", "A2 headline"),  # the last row's
            ("http://www.abc.net.au/news/2021-02-02/a7/2", "A7 headline"),
            ("https://vbr.vu/news/v1/", "Not V1's headline"),  # its own title first
        ],
        "rnz_urls": [("https://www.rnz.co.nz/international/pacific-news/r1", "R1 headline")],
    }
    pages = pacific.chosen(_pacific_repositories(tmp_path, stories, headlines))
    # sha256("reader-blind77b|" + URL) order: A2 V1 N1 A7 T1 R1
    assert [(name, text.split("\n", 1)[0]) for name, text in pages] == [
        ("abc-01", "A2 headline"),
        ("vbr-01", "V1 headline"),
        ("national-01", "N1 headline"),
        ("abc-02", "A7 headline"),
        ("tvwan-01", "T1 headline"),
        ("rnz-01", "R1 headline"),
    ]
    # the RNZ's paragraphs, stored run together, put back
    assert pages[-1][1] == "R1 headline\n\n" + "\n\n".join(paragraphs) + "\n"


def test_pacific_takes_four_an_outlet_each_named_in_order(tmp_path: Path) -> None:
    hosts = {
        "abc": ("https://www.abc.net.au/news/{}", _SOLOMON_ABC),
        "rnz": ("https://www.rnz.co.nz/news/{}", _RNZ),
        "vbr": ("https://vbr.vu/{}", _VBR),
        "tvwan": ("https://tvwan.com.pg/{}", _TVWAN_POLITICS),
        "national": ("https://www.thenational.com.pg/{}", _NATIONAL_FILE),
    }
    stories: dict[str, list[tuple[str, str, str, str]]] = {}
    headlines: dict[str, list[tuple[str, str]]] = {"abc_urls": [], "rnz_urls": []}
    for outlet, (url, path) in hosts.items():
        for n in range(1, 6):
            tag = f"{outlet}{n}"
            title = "" if outlet in ("abc", "rnz") else tag
            stories.setdefault(path, []).append((url.format(tag), "2020", title, _story(tag)))
            if not title:
                headlines[f"{outlet}_urls"].append((url.format(tag), tag))

    pages = pacific.chosen(_pacific_repositories(tmp_path, stories, headlines))
    # the order: abc5 abc3 abc2 national1 rnz3 tvwan4 tvwan2 vbr1 abc4 rnz5 national2 tvwan3
    # vbr2 tvwan1 national5 rnz1 national4 (tvwan5) rnz2 (abc1) vbr3 vbr4 | national3 rnz4 vbr5
    assert [(name, text.split("\n", 1)[0]) for name, text in pages] == [
        ("abc-01", "abc5"),
        ("abc-02", "abc3"),
        ("abc-03", "abc2"),
        ("national-01", "national1"),
        ("rnz-01", "rnz3"),
        ("tvwan-01", "tvwan4"),
        ("tvwan-02", "tvwan2"),
        ("vbr-01", "vbr1"),
        ("abc-04", "abc4"),
        ("rnz-02", "rnz5"),
        ("national-02", "national2"),
        ("tvwan-03", "tvwan3"),
        ("vbr-02", "vbr2"),
        ("tvwan-04", "tvwan1"),
        ("national-03", "national5"),
        ("rnz-03", "rnz1"),
        ("national-04", "national4"),
        ("rnz-04", "rnz2"),
        ("vbr-03", "vbr3"),
        ("vbr-04", "vbr4"),
    ]


def test_pacific_text_drops_a_photo_credit_with_its_caption_and_restores_run_together_ones() -> (
    None
):
    story = (
        "\r\nA caption of the first photo.\r\nPhoto: RNZ / Jane Doe\r\n"
        "First paragraph.Second paragraph.\n\n"
        "A second caption.\nPhoto: Supplied\n"
        "A line that names a Photo: kept.\nLast.\n"
    )
    assert pacific.text_of("rnz", "  A headline ", story) == (
        "A headline\n\nFirst paragraph.\n\nSecond paragraph.\n\n"
        "A line that names a Photo: kept.\n\nLast.\n"
    )
    # TVWAN's and The National's lines are their paragraphs: nothing put back
    assert pacific.text_of("tvwan", "H", story) == (
        "H\n\nFirst paragraph.Second paragraph.\n\nA line that names a Photo: kept.\n\nLast.\n"
    )
    assert pacific.text_of("national", "H", "One block.Of text.") == "H\n\nOne block.Of text.\n"


@pytest.mark.parametrize(
    ("line", "paragraphs"),
    [
        # sentences run together: "end.Next" (and after ? and !)
        (
            "The council met on Monday.It voted for the road.",
            ["The council met on Monday.", "It voted for the road."],
        ),
        ("Is it over?Not yet!The end.", ["Is it over?", "Not yet!", "The end."]),
        # a curly opening mark after the stop; a curly closing one before the next
        (
            "The council met.“We are ready,” she said.",
            ["The council met.", "“We are ready,” she said."],
        ),
        ("“We are ready.”The council met.", ["“We are ready.”", "The council met."]),
        # a closing mark, then an opening straight one; two straight ones
        (
            '“We are ready.”"So are we," he said.',
            ["“We are ready.”", '"So are we," he said.'],
        ),
        ('"We are ready.""So are we," he said.', ['"We are ready."', '"So are we," he said.']),
        # one straight mark at a join: it closes the quotation before ...
        (
            'She said: "We are ready."The council met.',
            ['She said: "We are ready."', "The council met."],
        ),
        # ... or opens the one after ...
        (
            'The council met on Monday."We are ready," she said.',
            ["The council met on Monday.", '"We are ready," she said.'],
        ),
        # ... or reopens a quotation running over paragraphs (the first left open)
        (
            'She said: "We are ready."We will win," she added.',
            ['She said: "We are ready.', '"We will win," she added.'],
        ),
        # equal costs either way (the line's last quotation runs on past it): it closes
        (
            'Mr Roe said "yes."Then he added: "We will go on',
            ['Mr Roe said "yes."', 'Then he added: "We will go on'],
        ),
        # no join: a space after the stop, a figure, a small letter, a mark then a space
        (
            "The council met. It voted 3.5 to one, i.e.a win.",
            ["The council met. It voted 3.5 to one, i.e.a win."],
        ),
        (
            "“We are ready.” The council met. “Go?” she asked.",
            ["“We are ready.” The council met. “Go?” she asked."],
        ),
        (
            'She said: "We are ready." The council met."so" he said.',
            ['She said: "We are ready." The council met."so" he said.'],
        ),
        ('"We are ready,"She said.', ['"We are ready,"She said.']),  # (a comma: no stop)
        ("  Stripped.  ", ["Stripped."]),
        ("   ", []),
    ],
)
def test_pacific_paragraphs_of_run_together(line: str, paragraphs: list[str]) -> None:
    assert pacific.paragraphs_of_run_together(line) == paragraphs


def test_pacific_gold_is_convert_article_of_the_text_with_double_marks_preferred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _FILLER + "“We want to get to the end,” said Jane Roe.“Fine,” he said. “Two more.”"
    r1, v1 = "https://www.rnz.co.nz/news/r1", "https://vbr.vu/news/v1/"
    n1, t1 = "https://www.thenational.com.pg/n1/", "https://tvwan.com.pg/t1/"
    stories = {
        _RNZ: [(r1, "2020-01-01", "", story)],
        _VBR: [(v1, "2020-01-01", "Minister says it again", story + " Last.")],  # a copy
        _NATIONAL_FILE: [(n1, "2020", "Nobody said this", story.replace("Filler", "Other"))],
        _TVWAN_LOCAL: [(t1, "2020", "Not labelled", _story("t1"))],
    }
    headlines = {"rnz_urls": [(r1, "'We want to get to the end,' minister says")]}
    repositories = _pacific_repositories(tmp_path, stories, headlines)
    sources = {
        key: Source(repository.source.repo, repository.source.commit)
        for key, repository in repositories.items()
    }
    monkeypatch.setattr(pacific, "SOURCES", sources)
    monkeypatch.setattr(pacific, "CACHE", tmp_path / "cache")
    labels_path, out = tmp_path / "pacific1_labels.json", tmp_path / "pacific-quotes"
    monkeypatch.setattr(pacific, "BATCHES", {1: (labels_path, out)})
    quoted: list[dict[str, Any]] = [
        {"quote_start_words": "We want to get to", "speaker": "Jane Roe"},
        {"quote_start_words": "Fine", "speaker": "none"},
        {"quote_start_words": "Two more", "speaker": "none", "debatable": True},
    ]
    articles = {
        "rnz-01": {"labels": quoted},
        "vbr-01": {"labels": quoted},
        "national-01": {"labels": [{"quote_start_words": "Nobody said this", "speaker": "X"}]},
    }
    labels_path.write_text(json.dumps({"articles": articles}), encoding="utf-8")
    mirror = ["--mirror", str(tmp_path / "mirror")]

    texts = tmp_path / "texts"
    assert pacific.main([*mirror, "--texts", str(texts)]) == 0
    assert capsys.readouterr().out == f"pacific: 4 texts in {texts}\n"
    assert pacific.main(mirror) == 0
    # sha256 order: rnz-01 before vbr-01 (its copy), national-01 among them
    order = [name for name, _ in pacific.chosen(repositories)]
    assert order.index("rnz-01") < order.index("vbr-01")
    left_out = {
        "vbr-01": "vbr-01 (a copy of rnz-01)",
        "national-01": "national-01 (a label matches no quotation)",
    }
    listed = ", ".join(left_out[name] for name in order if name in left_out)
    assert capsys.readouterr().out == f"pacific-quotes: 1 articles in {out}; left out: {listed}\n"
    assert sorted(path.name for path in out.iterdir()) == ["rnz-01.quotes.json", "rnz-01.txt"]
    text = (out / "rnz-01.txt").read_text(encoding="utf-8")
    assert text == (texts / "rnz-01.txt").read_text(encoding="utf-8")
    assert text.endswith(
        "\n\n“We want to get to the end,” said Jane Roe.\n\n“Fine,” he said. “Two more.”\n"
    )
    gold = json.loads((out / "rnz-01.quotes.json").read_text(encoding="utf-8"))
    assert gold == convert_article(text, quoted, prefer_double=True)
    body = text.index("“We want") + 1  # the body's quotation, not the headline's
    assert [(g["start"], g["quote"], g["speaker"], g.get("debatable")) for g in gold] == [
        (body, "We want to get to the end,", "Jane Roe", None),
        (text.index("“Fine") + 1, "Fine,", None, None),
        (text.index("“Two") + 1, "Two more.", None, True),
    ]
    assert gold != convert_article(text, quoted)  # (without prefer_double: the headline's)
