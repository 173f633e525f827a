"""The blind set of stop 79 (newsdata-quotes) is rebuilt by the rule its converter's
docstring states: checked here on small made-up CSV files, never the real one."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from bench import convert_newsdata_quotes as newsdata
from bench.fetch_extraction_corpus import Repository
from tests.helpers.quotes import marked_words
from tests.quotes.test_probe_convert import _dataset_repository

_COLUMNS = ["download_date", "published_date_gmt", "title", "url", "category", "raw_text"]
_REPO = "jennhu/metalinguistic-prompting"

Row = tuple[str, str, str]  # (url, title, raw_text)


def _url(tag: str, host: str = "") -> str:
    """A story's url on its own outlet (www.TAGnews.com) unless `host` is given."""
    return f"https://{host or f'www.{tag}news.com'}/2023/03/24/{tag}-story/"


def _story(tag: str, words: int = 200, marks: str = "“”“”") -> str:
    """A story as newspaper3k stored it: `words` whitespace-split words (`marked_words`, the
    first ones each holding one mark of `marks`), paragraphs of ten, a blank line between."""
    out = marked_words(tag, words, marks)
    return "\n\n".join(" ".join(out[at : at + 10]) for at in range(0, words, 10))


def _row(tag: str, words: int = 200, marks: str = "“”“”", host: str = "") -> Row:
    """A row of url _url(TAG), headline "TAG headline here now"."""
    return (_url(tag, host), f"{tag} headline here now", _story(tag, words, marks))


def _repository(tmp_path: Path, rows: list[Row]) -> Repository:
    """The rows as the dataset's file, committed as its repository, read through a bare copy."""
    work = tmp_path / "work"
    (work / newsdata.FILE).parent.mkdir(parents=True)
    with (work / newsdata.FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=_COLUMNS)
        writer.writeheader()
        for url, title, text in rows:
            date = "2023-03-24 15:04:00"
            writer.writerow(
                {"download_date": "2023-03-26", "published_date_gmt": date, "title": title}
                | {"url": url, "category": "['top']", "raw_text": text}
            )
    return _dataset_repository(work, tmp_path, _REPO)


def _tags(pages: list[tuple[str, str]]) -> list[str]:
    return [text.split("\n", 1)[0].removesuffix(" headline here now") for _, text in pages]


def test_the_set_is_newsdata_quotes_read_from_the_pinned_commit() -> None:
    assert newsdata.set_name(1) == "newsdata-quotes"
    labels, folder = newsdata.BATCHES[1]
    assert (labels.name, folder.name) == ("newsdata1_labels.json", "newsdata-quotes")
    source = newsdata.SOURCES["newsdata"]
    assert (source.repo, source.commit) == (_REPO, "89d1b526d0ef0b955b886a9cee50883eeaee8e76")
    assert newsdata.FILE == "datasets/exp1/news/cleaned.csv"
    articles = json.loads(labels.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 20 and all("-2023-" in name for name in articles)


def test_keeps_150_to_1500_words_four_double_marks_a_url_and_headlines_first_row(
    tmp_path: Path,
) -> None:
    rows = [
        _row("a1", 150, '"“”"'),  # (straight and curly marks count together)
        _row("a2", 149),
        _row("a3", 1500),
        _row("a4", 1501),
        _row("a5", 300, '“”"'),  # three marks
        _row("a6", 200, "‘’‘’''"),  # single marks are not counted
        (f" {_url('a1')}\n", "a7 headline here now", _story("a7")),  # a url met (stripped)
        (_url("a8"), "  a3 headline here now ", _story("a8")),  # a headline met (stripped)
        (_url("a8"), "a9 headline here now", _story("a9")),  # a8's url: met, though dropped
        _row("a10", 149),  # a url's first row, too short ...
        (_url("a10"), "a10 again here now", _story("a10")),  # ... and its second
        _row("a11", host="news.google.com"),  # an excluded outlet's row ...
        (_url("a12"), "a11 headline here now", _story("a12")),  # ... still holds its headline
        _row("a13"),
    ]
    pages = newsdata.chosen(_repository(tmp_path, rows))
    # sha256("stop79-asiaeurope:" + url) order, not the file's
    assert _tags(pages) == ["a13", "a3", "a1"]
    paragraphs = _story("a13").replace("\n\n", "\n")  # (newspaper3k's blank lines dropped)
    assert pages[0] == (
        "a13news-2023-a13-headline-here-now",
        f"a13 headline here now\n{paragraphs}\n",
    )


@pytest.mark.parametrize(
    ("url", "outlet", "excluded"),
    [
        ("https://www.huffpost.com/entry/x", "huffpost.com", False),
        ("https://rssfeeds.freep.com/story", "freep.com", False),
        ("https://m.Example.COM/a", "example.com", False),
        ("https://www.rssfeeds.m.example.com/a", "example.com", False),  # (each in turn ...)
        ("https://m.www.example.com/a", "www.example.com", False),  # (... in that order)
        ("https://mobile.example.com/a", "mobile.example.com", False),
        ("https://news.google.com/rss/articles/x", "news.google.com", True),
        ("https://www.aljazeera.com/news/x", "aljazeera.com", True),
        ("https://www.bbc.co.uk/news/x", "bbc.co.uk", True),
        ("https://news.bbc.com/x", "news.bbc.com", True),
        ("https://www.bbcgoodfood.com/x", "bbcgoodfood.com", False),
        ("https://edition.cnn.com/x", "edition.cnn.com", True),
        ("https://www.cnnbrasil.com.br/x", "cnnbrasil.com.br", False),
        ("https://www.reuters.com/x", "reuters.com", True),
        ("https://abcnews.go.com/x", "abcnews.go.com", True),
        ("https://6abc.com/x", "6abc.com", True),
        ("https://abc13.com/x", "abc13.com", True),
        ("https://abc7news.com/x", "abc7news.com", True),
        ("https://www.abc.net.au/news/x", "abc.net.au", False),
        ("https://www.cbc.ca/news/x", "cbc.ca", True),
        ("https://vancouver.citynews.ca/x", "vancouver.citynews.ca", True),
        ("https://www.myjoyonline.com.gh/x", "myjoyonline.com.gh", True),
        ("https://tribune.com.pk/x", "tribune.com.pk", True),
        ("https://www.news24.co.za/x", "news24.co.za", True),
        ("https://www.fbcnews.com.fj/x", "fbcnews.com.fj", True),
        ("https://www.inquirer.net/x", "inquirer.net", False),  # (the host is read, no more)
    ],
)
def test_the_outlet_is_the_urls_host_and_some_are_excluded(
    url: str, outlet: str, excluded: bool
) -> None:
    assert newsdata.outlet_of(url) == outlet
    assert newsdata.excluded(outlet) is excluded


def test_order_is_by_salted_sha256_of_the_url_at_most_three_an_outlet_twenty_in_all(
    tmp_path: Path,
) -> None:
    huffpost = [
        _row("h1", host="www.huffpost.com"),
        _row("h2", host="huffpost.com"),
        _row("h3", host="m.HuffPost.com"),
        _row("h4", host="rssfeeds.huffpost.com"),
        _row("h5", host="www.huffpost.com"),
        _row("n1", host="news.huffpost.com"),  # (another outlet)
    ]
    rows = huffpost + [_row(f"s{n}") for n in range(1, 20)]
    pages = newsdata.chosen(_repository(tmp_path, rows))
    # the salted order: h1 s2 s9 h3 s4 h5 ... h4 ... h2 ... (h4, h2: three huffpost.com before)
    assert _tags(pages) == [
        *("h1", "s2", "s9", "h3", "s4", "h5", "s18", "s19", "s17", "s3", "n1", "s1", "s6"),
        *("s15", "s7", "s11", "s8", "s5", "s16", "s10"),  # (s14, s12, s13 after: not taken)
    ]
    names = [name for name, _ in pages]
    assert names[:4] == [
        "huffpost-2023-h1-headline-here-now",
        "s2news-2023-s2-headline-here-now",
        "s9news-2023-s9-headline-here-now",
        "huffpost-2023-h3-headline-here-now",
    ]
    assert "news-2023-n1-headline-here-now" in names


@pytest.mark.parametrize(
    ("outlet", "published", "title", "name"),
    [
        (
            "huffpost.com",
            "2023-03-24 15:04:00",
            "Rep. Jim Jordan's Judiciary Tweet Goes Up In Flames",
            "huffpost-2023-rep-jim-jordans-judiciary-tweet",
        ),
        # a word left empty is skipped; figures are words
        (
            "cbsnews.com",
            "2023-03-22",
            "NOAA -- still 'cautions' 2 potential for",
            "cbsnews-2023-noaa-still-cautions-2-potential",
        ),
        ("news.huffpost.com", "2022-12-31", "Ex-Trump Official", "news-2022-extrump-official"),
        ("x.com", "2023", "Café — señor:año", "x-2023-caf-seorao"),
        ("x.com", "2023", "  ", "x-2023"),
    ],
)
def test_the_name_is_outlet_year_and_five_words_of_the_headline(
    outlet: str, published: str, title: str, name: str
) -> None:
    used: set[str] = set()
    assert newsdata.name_of(outlet, published, title, used) == name
    assert used == {name}


def test_a_name_taken_before_gets_2_3_and_so_on() -> None:
    used: set[str] = set()
    titles = ["A b", "A b 2", "A, b!", "a B", "A b c d e f", "A b c d e g"]
    assert [newsdata.name_of("x.com", "2023", title, used) for title in titles] == [
        "x-2023-a-b",
        "x-2023-a-b-2",
        "x-2023-a-b-3",  # (a-b-2 was taken by the second)
        "x-2023-a-b-4",
        "x-2023-a-b-c-d-e",
        "x-2023-a-b-c-d-e-2",
    ]


def test_text_is_the_headline_then_each_non_empty_line_stripped() -> None:
    story = "  One, “two.”  \r\n\n \t \nThree &quot;four&quot;\u2028Five\n\n"
    assert newsdata.text_of("  Head “line” ", story) == (
        "Head “line”\nOne, “two.”\nThree &quot;four&quot;\nFive\n"
    )
