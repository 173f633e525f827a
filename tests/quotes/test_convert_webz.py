"""The blind set of stop 79 (webz-quotes) is rebuilt by the rule its converter's docstring
states: checked here on small made-up dumps in a made-up repository, never the real ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import convert_webz_quotes as webz
from bench.fetch_extraction_corpus import Repository
from tests.helpers.quotes import marked_words
from tests.quotes.test_probe_convert import _dataset_repository

_REPO = "markatwork8823/news-app"
Post = dict[str, object]


def _post(
    tag: str,
    site: str = "",
    words: int = 200,
    marks: str = "“”“”",
    url: str = "",
    title: str = "",
    language: str = "english",
) -> Post:
    """A webz.io post: on its own site (TAGnews.com.au) unless `site` is given, its text
    `words` made-up words (`marked_words`) in lines of ten, parted by blank lines and "\\r\\n"."""
    out = marked_words(tag, words, marks)
    lines = [" " + " ".join(out[at : at + 10]) + " " for at in range(0, words, 10)]
    url = url or f"https://www.{tag}news.com.au/news/{tag}-story"
    return {
        "thread": {"site": site or f"{tag}news.com.au", "url": url, "country": "AU"},
        "url": url,
        "title": title or f"{tag} headline here now",
        "text": "\n\n".join(lines[:2]) + "\r\n" + "\n".join(lines[2:]),
        "published": "2020-11-18T13:00:00.000+02:00",
        "language": language,
    }


def _js(value: object) -> str:
    """A value written as prettier writes a JavaScript literal: bare keys, trailing commas."""
    if isinstance(value, dict):
        return "{\n" + "".join(f"  {key}: {_js(item)},\n" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[\n" + "".join(f"  {_js(item)},\n" for item in value) + "]"
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
        return "'" + escaped.replace("\r", "\\r") + "'"
    return json.dumps(value)


def _repository(
    tmp_path: Path, health: list[Post], business: list[Post], tech: list[Post]
) -> Repository:
    """The posts as the three dumps (the .js files as literals, the .json in two blocks),
    committed as the repository, read through a bare copy."""
    work = tmp_path / "work"
    (work / "src" / "NewsSource").mkdir(parents=True)
    health_js, business_js, tech_json = (work / path for path in webz.FILES)
    health_js.write_text("export default " + _js({"posts": health}) + ";\n", encoding="utf-8")
    business_js.write_text("export default " + _js({"posts": business}), encoding="utf-8")
    blocks = [{"posts": tech[:1]}, {"posts": tech[1:]}]
    tech_json.write_text(json.dumps(blocks, ensure_ascii=False), encoding="utf-8")
    return _dataset_repository(work, tmp_path, _REPO)


def _tags(pages: list[tuple[str, str]]) -> list[str]:
    return [text.split("\n", 1)[0].removesuffix(" headline here now") for _, text in pages]


def test_the_set_is_webz_quotes_read_from_the_pinned_commit() -> None:
    assert webz.set_name(1) == "webz-quotes"
    labels, folder = webz.BATCHES[1]
    assert (labels.name, folder.name) == ("webz1_labels.json", "webz-quotes")
    source = webz.SOURCES["webz"]
    assert (source.repo, source.commit) == (_REPO, "ac1c4f857cc8755a1cdbaa019e2d24653a51dfef")
    articles = json.loads(labels.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 20 and all("-2020-" in name for name in articles)


def test_the_js_literal_reader() -> None:
    source = (
        "export default {\n  posts: [\n    {\n      a_1: 'it\\'s \\\"x\\\" \\u2019\\x41\\n',\n"
        '      "b": "k: v, }",\n      $c: [1, -2.5, null, true, false,],\n'
        "      d: 'one \\\ntwo',\n    },\n  ],\n};\n"
    )
    assert webz.js_value(source) == {
        "posts": [
            {"a_1": 'it\'s "x" \u2019A\n', "b": "k: v, }", "$c": [1, -2.5, None, True, False]}
            | {"d": "one two"}
        ]
    }


def test_keeps_english_news_of_150_to_1500_words_four_marks_each_url_and_headline_first(
    tmp_path: Path,
) -> None:
    health = [
        _post("a1", words=150, marks='"“”"'),  # (straight and curly marks count together)
        _post("a2", words=149),
        _post("a3", words=1500),
        _post("a4", words=1501),
        _post("a5", marks='“”"'),  # three marks
        _post("a6", marks="‘’‘’''"),  # single marks are not counted
        _post("a7", language="thai"),
        _post("a8", site="tga.gov.au"),  # a media-release site
        _post("a9", url=_post("a7")["url"]),  # a7's url: met, though a7 was dropped
    ]
    business = [
        _post("b1", url=_post("a1")["url"]),  # a url met in an earlier file
        _post("b2", title="  A3 HEADLINE here now "),  # a headline met (stripped, any case)
        _post("b3", url=_post("b2")["url"]),  # b2's url: not held (b2 met a headline)
        {**_post("b4"), "url": ""},  # (the thread's url then)
    ]
    tech = [
        _post("t1"),
        _post("t2", url=_post("b4")["url"]),  # b4's (thread's) url
        _post("t3", site="Tga.gov.au"),  # (the site as stored: not excluded)
    ]
    pages = webz.chosen(_repository(tmp_path, health, business, tech))
    # sha256("stop79-ukaus:" + url) order, not the files'
    assert _tags(pages) == ["t1", "a1", "b3", "t3", "b4", "a3"]
    lines = marked_words("t1", 200, "“”“”")
    story = "\n".join(" ".join(lines[at : at + 10]) for at in range(0, 200, 10))
    assert dict(pages)["t1news-2020-t1-headline-here-now"] == f"t1 headline here now\n{story}\n"


def test_order_is_by_salted_sha256_of_the_url_at_most_three_a_site_twenty_in_all(
    tmp_path: Path,
) -> None:
    nine = [_post(f"n{n}", site="nine.com.au") for n in range(1, 6)]
    other = _post("m1", site="NINE.com.au")  # (the site as stored: another)
    tech = [_post(f"s{n}") for n in range(1, 20)]
    pages = webz.chosen(_repository(tmp_path, nine, [other], tech))
    # the salted order: s3 s16 s7 s9 n5 n2 n3 n4 n1 s5 ... (n4, n1: three of nine.com.au before)
    assert _tags(pages) == [
        *("s3", "s16", "s7", "s9", "n5", "n2", "n3", "s5", "s13", "s19", "s12", "s15"),
        *("s1", "s4", "s8", "s18", "m1", "s14", "s2", "s11"),  # (s6, s10, s17 after: not taken)
    ]
    names = dict(zip(_tags(pages), (name for name, _ in pages), strict=True))
    assert (names["s3"], names["n5"]) == (
        "s3news-2020-s3-headline-here-now",
        "nine-2020-n5-headline-here-now",
    )
    assert names["m1"] == "nine-2020-m1-headline-here-now"


@pytest.mark.parametrize(
    ("site", "published", "title", "name"),
    [
        (
            "nine.com.au",
            "2020-11-18T13:00:00.000+02:00",
            "Clarke Gayford jokes he is 'the first man'",
            "nine-2020-clarke-gayford-jokes-he-is",
        ),
        # apostrophes dropped, other characters part words; the first suffix met dropped
        (
            "pockettactics.com",
            "2020",
            "Pokémon Go Beyond’s XP cap rises",
            "pockettactics-2020-pok-mon-go-beyonds-xp",
        ),
        ("honey.nine.com.au", "2020", "2GB's Ben", "nine-2020-2gbs-ben"),
        ("thenewsnow.live", "2021", "A--b", "thenewsnow-2021-a-b"),
        ("news.example.co.uk", "2020", "X", "uk-2020-x"),  # (no suffix of the list)
        ("My-Site.Net.au", "2020", "  ", "mysite-2020"),
    ],
)
def test_the_name_is_site_year_and_five_words_of_the_headline(
    site: str, published: str, title: str, name: str
) -> None:
    used: set[str] = set()
    assert webz.name_of(site, published, title, used) == name
    assert used == {name}
    assert webz.name_of(site, published, title, used) == f"{name}-2"


def test_text_is_the_headline_then_each_non_empty_line_stripped() -> None:
    text = "  One, “two.”  \r\n\n \t \rThree &quot;four&quot;\u2028Five\n\n"
    assert webz.text_of("  Head “line” ", webz.paragraphs_of(text)) == (
        "Head “line”\nOne, “two.”\nThree &quot;four&quot;\u2028Five\n"
    )
    assert webz.text_of("H", webz.paragraphs_of(" one block ")) == "H\none block\n"
