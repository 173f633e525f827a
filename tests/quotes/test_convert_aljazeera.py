"""The blind set of stop 78 (aljazeera-quotes) is rebuilt by the rule its converter's
docstring states: checked here on small made-up CSV files, never the real one."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from bench import convert_aljazeera_quotes as aljazeera
from bench.convert_probes import convert_article
from bench.fetch_extraction_corpus import Repository, Source
from tests.helpers.quotes import marked_words
from tests.quotes.test_probe_convert import _dataset_repository

_COLUMNS = ["category", "title", "date", "author", "content", "url"]
_REPO = "basharulalammazu/Aljazeera-News-Analysis"

Row = tuple[str, str, str]  # (url, title, content)


def _url(tag: str) -> str:
    return f"https://www.aljazeera.com/news/2025/5/19/{tag}-story-here"


def _story(tag: str, words: int = 200, marks: str = "“”“”") -> str:
    """A story of `words` whitespace-split words, the first ones each holding one mark of
    `marks` in turn (`marked_words`)."""
    return " ".join(marked_words(tag, words, marks))


def _row(tag: str, words: int = 200, marks: str = "“”“”") -> Row:
    """A row of url _url(TAG), headline "TAG headline here now"."""
    return (_url(tag), f"{tag} headline here now", _story(tag, words, marks))


def _work(path: Path, rows: list[Row]) -> Path:
    """The dataset's file as the repository keeps it (and its other CSV file, never read)."""
    path.mkdir(parents=True, exist_ok=True)
    with (path / aljazeera.FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=_COLUMNS)
        writer.writeheader()
        for url, title, content in rows:
            row = {"url": url, "title": title, "content": content}
            writer.writerow({**row, "category": "news", "date": "19 May 2025", "author": "A W"})
    (path / "clean_corpus.csv").write_text(f"content\n{_story('c1')}\n", encoding="utf-8")
    return path


def _repository(tmp_path: Path, rows: list[Row]) -> Repository:
    """The file committed as the dataset's repository, read through a bare copy."""
    return _dataset_repository(_work(tmp_path / "work", rows), tmp_path, _REPO)


def _tags(pages: list[tuple[str, str]]) -> list[str]:
    return [text.split("\n", 1)[0].removesuffix(" headline here now") for _, text in pages]


def test_the_set_is_aljazeera_quotes_read_from_the_pinned_commit() -> None:
    assert aljazeera.set_name(1) == "aljazeera-quotes"
    labels, folder = aljazeera.BATCHES[1]
    assert labels.name == "aljazeera1_labels.json" and labels.parent.name == "quotes"
    assert folder.name == "aljazeera-quotes"
    source = aljazeera.SOURCES["aljazeera"]
    assert list(aljazeera.SOURCES) == ["aljazeera"]
    assert (source.repo, source.commit) == (_REPO, "3c39b59cbe062550b3f21a373a5d5c96a5d117de")
    assert aljazeera.FILE == "initial_content.csv"


def test_keeps_150_to_1500_words_four_double_marks_a_urls_first_row(tmp_path: Path) -> None:
    rows = [
        _row("a1", 150, '"“”"'),  # (straight and curly marks count together)
        _row("a2", 149),
        _row("a3", 1500),
        _row("a4", 1501),
        _row("a5", 300, '“”"'),  # three marks
        _row("a6", 200, "‘’‘’''"),  # single marks are not counted
        (_url("a1"), "a7 headline here now", _story("a7")),  # a url met before
        _row("a8", 149),  # a url's first row, too short ...
        (_url("a8"), "a8 headline here now", _story("a8")),  # ... and its second
        # the url as stored, not stripped: another url (its name is a1's, made unique)
        (f" {_url('a1')}", "a9 headline here now", _story("a9")),
        (_url("a10"), "a10 headline here now", f"\n  {_story('a10')}  \n"),
        # the stored story is counted, its entities not decoded: "&amp;" is a word ...
        (_url("a11"), "a11 headline here now", _story("a11", 149) + " &amp;"),
        # ... and "&quot;" no mark
        (_url("a12"), "a12 headline here now", _story("a12", 200, "“”") + " &quot;x&quot;"),
    ]
    pages = aljazeera.chosen(_repository(tmp_path, rows))
    # sha256("stop78-mideast:" + url) order: a11 a10 a3 a9 a1 (not the file's order)
    assert _tags(pages) == ["a11", "a10", "a3", "a9", "a1"]
    assert [name for name, _ in pages] == [
        "aljazeera-2025-a11-story-here",
        "aljazeera-2025-a10-story-here",
        "aljazeera-2025-a3-story-here",
        "aljazeera-2025-a1-story-here",  # (a9's url, a space before it)
        "aljazeera-2025-a1-story-here-2",  # named in the salted order, a9 first
    ]
    assert dict(pages)["aljazeera-2025-a10-story-here"] == (
        f"a10 headline here now\n{_story('a10')}\n"
    )
    assert dict(pages)["aljazeera-2025-a11-story-here"].endswith(" &\n")


_TWENTY_FIVE = [f"r{n}" for n in range(1, 26)]
# their sha256("stop78-mideast:" + url) order
_ORDER = [
    f"r{n}" for n in (7, 2, 10, 16, 23, 4, 20, 19, 21, 8, 9, 14, 15, 12, 13, 25, 11, 6, 1, 3, 5)
]


def test_takes_the_first_twenty_in_the_salted_order_one_outlet_no_cap(tmp_path: Path) -> None:
    pages = aljazeera.chosen(_repository(tmp_path, [_row(tag) for tag in _TWENTY_FIVE]))
    assert _tags(pages) == _ORDER[:20]
    assert [name for name, _ in pages][:2] == [
        "aljazeera-2025-r7-story-here",
        "aljazeera-2025-r2-story-here",
    ]


def test_stops_at_the_sets_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repository = _repository(tmp_path, [_row(tag) for tag in _TWENTY_FIVE])
    monkeypatch.setattr(aljazeera, "ARTICLES", 6)
    assert _tags(aljazeera.chosen(repository)) == _ORDER[:6]


_SECTION = "https://www.aljazeera.com/news/2025/5/10/"


@pytest.mark.parametrize(
    ("url", "name"),
    [
        (
            _SECTION + "pope-leo-says-ai-is-main-challenge-for-humanity-in-address",
            "aljazeera-2025-pope-leo-says-ai-is",
        ),
        # a slash at the end dropped first; figures are words
        (
            _SECTION + "us-pga-championship-2025-scottie-scheffler-wins/",
            "aljazeera-2025-us-pga-championship-2025-scottie",
        ),
        # lower case, cut at each run of characters other than a-z and 0-9
        (_SECTION + "Moody’s_Strips--US-of-Top-rating", "aljazeera-2025-moody-s-strips-us-of"),
        (_SECTION + "año-2-die", "aljazeera-2025-a-o-2-die"),
        (_SECTION + "-two-words-", "aljazeera-2025-two-words"),
        (
            "https://www.aljazeera.com/liveblog/2025/5/19/live-gaza?update=3",
            ("aljazeera-2025-live-gaza-update-3"),
        ),
        # (the year is the set's, whatever the url's)
        ("https://www.aljazeera.com/news/2024/1/2/old-one", "aljazeera-2025-old-one"),
        (_SECTION + "—/", "aljazeera-2025-"),  # no word: the prefix alone, as the helper's
    ],
)
def test_the_name_is_aljazeera_2025_and_five_words_of_the_urls_last_segment(
    url: str, name: str
) -> None:
    used: set[str] = set()
    assert aljazeera.name_of(url, used) == name
    assert used == {name}


def test_a_name_taken_before_gets_2_3_and_so_on() -> None:
    used: set[str] = set()
    names = [
        aljazeera.name_of(_SECTION + slug, used)
        for slug in ("a-2", "a", "a", "A/", "a-b-c-d-e-f", "a-b-c-d-e-g")
    ]
    assert names == [
        "aljazeera-2025-a-2",
        "aljazeera-2025-a",
        "aljazeera-2025-a-3",  # (a-2 was taken by the first)
        "aljazeera-2025-a-4",
        "aljazeera-2025-a-b-c-d-e",
        "aljazeera-2025-a-b-c-d-e-2",
    ]
    assert used == set(names)


def test_text_is_the_headline_then_each_non_empty_line_decoded_and_stripped() -> None:
    story = "  One, “two.”  \r\n\n \t \nThree &quot;four&quot;\u2028Five &amp; six\n&nbsp;\n"
    assert aljazeera.text_of("  Gaza &amp; the “war” ", story) == (
        'Gaza & the “war”\nOne, “two.”\nThree "four"\nFive & six\n'
    )
    # a story stored as one line is one block: no break invented
    assert aljazeera.text_of("H", "One block.Of text. “Said.”") == (
        "H\nOne block.Of text. “Said.”\n"
    )


def test_a_story_keeps_its_own_lines_and_the_headline_is_decoded(tmp_path: Path) -> None:
    story = f"  First paragraph, with a comma.\n\n{_story('m1')}  \r\n \nLast “line” &amp; all.\n "
    rows = [(_url("m1"), "  M1 headline &#8216;here&#8217; now  ", story)]
    assert aljazeera.chosen(_repository(tmp_path, rows)) == [
        (
            "aljazeera-2025-m1-story-here",
            "M1 headline ‘here’ now\nFirst paragraph, with a comma.\n"
            f"{_story('m1')}\nLast “line” & all.\n",
        )
    ]


# --- the command line and the gold -------------------------------------------------------------

_FILLER = " ".join(f"Filler{n} of the story goes on here." for n in range(40))
_SAID = "“We want to get to the end,” said Jane Roe. “Fine,” he said. “Two more.”"
_QUOTED = f"{_FILLER} {_SAID}"


def test_gold_is_convert_article_of_the_text_with_double_marks_preferred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        # the order: q4 q1 q3 q2
        (_url("q1"), "'We want to get to the end,' Roe says", _QUOTED),
        (_url("q2"), "Roe says it again", _QUOTED + " Last."),  # a copy of q1
        (_url("q3"), "Nobody said this", _QUOTED.replace("Filler", "Other")),
        _row("q4"),  # not labelled
    ]
    commit = _repository(tmp_path, rows).source.commit
    monkeypatch.setattr(aljazeera, "SOURCES", {"aljazeera": Source(_REPO, commit)})
    monkeypatch.setattr(aljazeera, "CACHE", tmp_path / "cache")
    labels_path, out = tmp_path / "aljazeera1_labels.json", tmp_path / "aljazeera-quotes"
    monkeypatch.setattr(aljazeera, "BATCHES", {1: (labels_path, out)})
    mirror = ["--mirror", str(tmp_path / "mirror")]

    assert aljazeera.main(mirror) == 1  # no labels yet
    assert "label the texts first" in capsys.readouterr().err
    texts = tmp_path / "texts"
    assert aljazeera.main([*mirror, "--texts", str(texts)]) == 0
    assert capsys.readouterr().out == f"aljazeera: 4 texts in {texts}\n"
    original, copy, unmatched, unlabelled = (
        f"aljazeera-2025-{tag}-story-here" for tag in ("q1", "q2", "q3", "q4")
    )
    assert sorted(path.name for path in texts.iterdir()) == sorted(
        f"{name}.txt" for name in (original, copy, unmatched, unlabelled)
    )
    assert [name for name, _ in aljazeera.chosen_from(tmp_path / "mirror")] == [
        unlabelled,
        original,
        unmatched,
        copy,
    ]
    quoted: list[dict[str, Any]] = [
        {"quote_start_words": "We want to get to", "speaker": "Jane Roe"},
        {"quote_start_words": "Fine", "speaker": "none"},
        {"quote_start_words": "Two more", "speaker": "none", "debatable": True},
    ]
    articles = {
        original: {"labels": quoted},
        copy: {"labels": quoted},
        unmatched: {"labels": [{"quote_start_words": "Nobody said this", "speaker": "X"}]},
    }
    labels_path.write_text(json.dumps({"articles": articles}), encoding="utf-8")

    assert aljazeera.main(mirror) == 0
    assert capsys.readouterr().out == (
        f"aljazeera-quotes: 1 articles in {out}; left out: "
        f"{unmatched} (a label matches no quotation), {copy} (a copy of {original})\n"
    )
    assert sorted(path.name for path in out.iterdir()) == [
        f"{original}.quotes.json",
        f"{original}.txt",
    ]
    text = (out / f"{original}.txt").read_text(encoding="utf-8")
    assert text == (texts / f"{original}.txt").read_text(encoding="utf-8")
    assert text == f"'We want to get to the end,' Roe says\n{_QUOTED}\n"
    gold = json.loads((out / f"{original}.quotes.json").read_text(encoding="utf-8"))
    assert gold == convert_article(text, quoted, prefer_double=True)
    assert [(g["start"], g["quote"], g["speaker"], g.get("debatable")) for g in gold] == [
        (text.index("“We want") + 1, "We want to get to the end,", "Jane Roe", None),
        (text.index("“Fine") + 1, "Fine,", None, None),
        (text.index("“Two") + 1, "Two more.", None, True),
    ]
    assert gold != convert_article(text, quoted)  # (without prefer_double: the headline's)


def test_the_labels_are_of_twenty_articles_of_the_set() -> None:
    labels, _ = aljazeera.BATCHES[1]
    articles = json.loads(labels.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 20
    assert all(name.startswith(aljazeera.PREFIX) for name in articles)
    assert all(article["labels"] for article in articles.values())
