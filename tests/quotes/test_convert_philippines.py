"""The blind set of stop 78 (philippines-quotes) is rebuilt by the rule its converter's
docstring states: checked here on small made-up CSV files, never the real ones."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from bench import convert_philippines_quotes as philippines
from bench.convert_probes import convert_article
from bench.fetch_extraction_corpus import Repository, Source
from bench.news_pages import double_marks
from tests.helpers.quotes import marked_words
from tests.quotes.test_probe_convert import _dataset_repository

_COLUMNS = ["title", "author", "date", "article", "link"]
_REPO = "jamesm219/ph-newspaper-scrapy"

Row = tuple[str, str, str]  # (link, title, article)


def _story(tag: str, words: int = 200, marks: str = "“”“”") -> str:
    """A story of `words` whitespace-split words, the first ones each holding one mark of
    `marks` in turn (`marked_words`)."""
    return " ".join(marked_words(tag, words, marks))


def _row(tag: str, words: int = 200, marks: str = "“”“”") -> Row:
    """A row of link https://example.ph/TAG, headline "TAG headline here now"."""
    return (f"https://example.ph/{tag}", f"{tag} headline here now", _story(tag, words, marks))


def _work(path: Path, files: dict[str, list[Row]]) -> Path:
    """The dataset's files as the repository keeps them: each of the five outlets' (a header
    alone where `files` has none) and any other named, a row under its columns."""
    path.mkdir(parents=True, exist_ok=True)
    for stem in sorted({*philippines.FILES, *files}):
        with (path / f"{stem}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=_COLUMNS)
            writer.writeheader()
            for link, title, article in files.get(stem, []):
                row = {"link": link, "title": title, "article": article}
                writer.writerow({**row, "author": "A Writer", "date": "May 23, 2024"})
    return path


def _repository(tmp_path: Path, files: dict[str, list[Row]]) -> Repository:
    """The files committed as the dataset's repository, read through a bare copy."""
    return _dataset_repository(_work(tmp_path / "work", files), tmp_path, _REPO)


def _tags(pages: list[tuple[str, str]]) -> list[str]:
    return [text.split("\n", 1)[0].removesuffix(" headline here now") for _, text in pages]


def test_the_set_is_philippines_quotes_read_from_the_pinned_commit() -> None:
    assert philippines.set_name(1) == "philippines-quotes"
    labels, folder = philippines.BATCHES[1]
    assert labels.name == "philippines1_labels.json" and labels.parent.name == "quotes"
    assert folder.name == "philippines-quotes"
    source = philippines.SOURCES["philippines"]
    assert list(philippines.SOURCES) == ["philippines"]
    assert (source.repo, source.commit) == (_REPO, "30e7c77a82ef8fa2d74462be1eb3946cff4ec4e9")
    assert philippines.FILES == ("bworld", "inquirer", "malaya", "rappler", "times")


def test_keeps_150_to_1500_words_four_double_marks_a_links_first_row(tmp_path: Path) -> None:
    files = {
        "bworld": [
            _row("b1", 150, '"“”"'),  # (straight and curly marks count together)
            _row("b2", 149),
            _row("b3", 1500),
            _row("b4", 1501),
            _row("b5", 300, '“”"'),  # three marks
            ("  ", "b6 headline here now", _story("b6")),  # no link
        ],
        "inquirer": [
            # a link met before (its surrounding spaces stripped): its first row is the one
            (" https://example.ph/b1 ", "i1 headline here now", _story("i1")),
            _row("i2", 149),  # a link's first row, too short ...
            ("https://example.ph/i2", "i3 headline here now", _story("i3")),  # ... its second
            ("https://example.ph/i4", '“i4” "headline" here now', _story("i4", 200, "“”")),
            _row("i5", 200, "‘’‘’''"),  # single marks are not counted
            ("https://example.ph/i6", "i6 headline here now", f"\n  {_story('i6')}  \n"),
        ],
        "malaya": [_row("m1", 200, '""""')],
        "test": [_row("t1")],  # a second scrape of the Inquirer: never read
    }
    work = _work(tmp_path / "work", files)
    with (work / "bworld.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write("A short row,A Writer\r\n")  # no link column: dropped
    pages = philippines.chosen(_dataset_repository(work, tmp_path, _REPO))
    # sha256("stop78-asia:" + link) order: b1 m1 i6 b3 (not the files' order)
    assert _tags(pages) == ["b1", "m1", "i6", "b3"]
    assert [name for name, _ in pages] == [
        "bworld-2024-b1-headline-here-now",
        "malaya-2024-m1-headline-here-now",
        "inquirer-2024-i6-headline-here-now",
        "bworld-2024-b3-headline-here-now",
    ]
    assert dict(pages)["inquirer-2024-i6-headline-here-now"] == (
        f"i6 headline here now\n{_story('i6')}\n"
    )


def test_takes_twenty_at_most_four_an_outlet_in_the_salted_order(tmp_path: Path) -> None:
    files = {outlet: [_row(f"{outlet}{n}") for n in range(1, 7)] for outlet in philippines.FILES}
    repository = _repository(tmp_path, files)
    pages = philippines.chosen(repository)
    # the order: rappler5 bworld6 times4 inquirer2 malaya5 rappler1 rappler6 times6 rappler4
    # inquirer4 times3 inquirer6 malaya2 malaya4 malaya3 (rappler3 rappler2: four of Rappler)
    # bworld4 (malaya6) times5 bworld5 inquirer5 bworld1 | bworld2 malaya1 ...
    assert _tags(pages) == [
        "rappler5",
        "bworld6",
        "times4",
        "inquirer2",
        "malaya5",
        "rappler1",
        "rappler6",
        "times6",
        "rappler4",
        "inquirer4",
        "times3",
        "inquirer6",
        "malaya2",
        "malaya4",
        "malaya3",
        "bworld4",
        "times5",
        "bworld5",
        "inquirer5",
        "bworld1",
    ]
    assert [name for name, _ in pages][:2] == [
        "rappler-2024-rappler5-headline-here-now",
        "bworld-2024-bworld6-headline-here-now",
    ]


def test_stops_at_the_sets_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {outlet: [_row(f"{outlet}{n}") for n in range(1, 7)] for outlet in philippines.FILES}
    repository = _repository(tmp_path, files)
    monkeypatch.setattr(philippines, "ARTICLES", 6)
    pages = philippines.chosen(repository)
    assert _tags(pages) == ["rappler5", "bworld6", "times4", "inquirer2", "malaya5", "rappler1"]


@pytest.mark.parametrize(
    ("outlet", "title", "name"),
    [
        ("rappler", "‘Like a relay’: Roe and co. win", "rappler-2024-like-a-relay-roe"),
        ("bworld", "Peso  closes at P58.10 vs dollar", "bworld-2024-peso-closes-at-p58-10"),
        (
            "times",
            "Sen. Roe ‘seriously’ considering run",
            "times-2024-sen-roe-seriously-considering",
        ),
        # the words are whitespace-split: "US–PH" is one
        ("inquirer", "US–PH navies hold drills now", "inquirer-2024-us-ph-navies-hold-drills"),
        ("malaya", "Año: 2 die", "malaya-2024-a-o-2-die"),
        ("malaya", "Two words", "malaya-2024-two-words"),
        ("rappler", "", "rappler-2024"),
        ("rappler", "— ! —", "rappler-2024"),
        # cut to 60 characters, a hyphen left at the cut stripped
        ("bworld", "W" * 70, "bworld-2024-" + "w" * 48),
        ("inquirer", "Q" * 45 + " tail of it", "inquirer-2024-" + "q" * 45),
    ],
)
def test_the_name_is_the_outlet_2024_and_four_headline_words_slugged(
    outlet: str, title: str, name: str
) -> None:
    assert philippines.name_of(outlet, title) == name
    assert len(name) <= 60


def test_double_marks_are_straight_and_curly_ones_together() -> None:
    assert double_marks("\"a\" “b” ‘c’ 'd' «e»") == 4


def test_text_is_the_headline_then_each_non_empty_stripped_line_one_newline_apart() -> None:
    story = '  One, “two.”  \r\n\n \t \nThree "four"\n'
    assert philippines.text_of("A title", story) == 'A title\nOne, “two.”\nThree "four"\n'
    # a story stored as one line is one block: no break invented
    assert philippines.text_of("H", "One block.Of text. “Said.”") == (
        "H\nOne block.Of text. “Said.”\n"
    )


def test_a_story_keeps_its_own_lines_and_the_headline_is_stripped(tmp_path: Path) -> None:
    story = f"  First paragraph, with a comma.\n\n{_story('m1')}  \r\n \nLast “line” here.\n  "
    files = {"malaya": [("https://example.ph/m1", "  M1 headline, here now  ", story)]}
    pages = philippines.chosen(_repository(tmp_path, files))
    assert pages == [
        (
            "malaya-2024-m1-headline-here-now",
            "M1 headline, here now\nFirst paragraph, with a comma.\n"
            f"{_story('m1')}\nLast “line” here.\n",
        )
    ]


# --- the command line and the gold -------------------------------------------------------------

_FILLER = " ".join(f"Filler{n} of the story goes on here." for n in range(40))
_SAID = "“We want to get to the end,” said Jane Roe. “Fine,” he said. “Two more.”"
_QUOTED = f"{_FILLER} {_SAID}"


def test_gold_is_convert_article_of_the_text_with_double_marks_preferred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        # the order: q4 q2 q3 q1
        "bworld": [("https://example.ph/q2", "'We want to get to the end,' Roe says", _QUOTED)],
        "inquirer": [("https://example.ph/q1", "Roe says it again", _QUOTED + " Last.")],  # a copy
        "malaya": [
            ("https://example.ph/q3", "Nobody said this", _QUOTED.replace("Filler", "Other"))
        ],
        "rappler": [_row("q4")],  # not labelled
    }
    commit = _repository(tmp_path, files).source.commit
    monkeypatch.setattr(philippines, "SOURCES", {"philippines": Source(_REPO, commit)})
    monkeypatch.setattr(philippines, "CACHE", tmp_path / "cache")
    labels_path, out = tmp_path / "philippines1_labels.json", tmp_path / "philippines-quotes"
    monkeypatch.setattr(philippines, "BATCHES", {1: (labels_path, out)})
    mirror = ["--mirror", str(tmp_path / "mirror")]

    assert philippines.main(mirror) == 1  # no labels yet
    assert "label the texts first" in capsys.readouterr().err
    texts = tmp_path / "texts"
    assert philippines.main([*mirror, "--texts", str(texts)]) == 0
    assert capsys.readouterr().out == f"philippines: 4 texts in {texts}\n"
    original, copy, unmatched = (
        "bworld-2024-we-want-to-get",
        "inquirer-2024-roe-says-it-again",
        "malaya-2024-nobody-said-this",
    )
    assert sorted(path.name for path in texts.iterdir()) == sorted(
        f"{name}.txt" for name in (original, copy, unmatched, "rappler-2024-q4-headline-here-now")
    )
    assert [name for name, _ in philippines.chosen_from(tmp_path / "mirror")] == [
        "rappler-2024-q4-headline-here-now",
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

    assert philippines.main(mirror) == 0
    assert capsys.readouterr().out == (
        f"philippines-quotes: 1 articles in {out}; left out: "
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
    body = text.index("“We want") + 1  # the body's quotation, not the headline's
    assert [(g["start"], g["quote"], g["speaker"], g.get("debatable")) for g in gold] == [
        (body, "We want to get to the end,", "Jane Roe", None),
        (text.index("“Fine") + 1, "Fine,", None, None),
        (text.index("“Two") + 1, "Two more.", None, True),
    ]
    assert gold != convert_article(text, quoted)  # (without prefer_double: the headline's)
