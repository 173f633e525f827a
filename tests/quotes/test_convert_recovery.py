"""The blind set of stop 79 (recovery-quotes) is rebuilt by the rule its converter's docstring
states: checked here on small made-up CSV files in a made-up repository, never the real one."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest

from bench import convert_recovery_quotes as recovery
from bench.fetch_extraction_corpus import Repository, Source
from tests.helpers.quotes import marked_words

_REPO = "o/recovery"
_COLUMNS = ["", "news_id", "url", "publisher", "publish_date", "author", "title", "image"]
_COLUMNS += ["body_text", "mbfc_level", "political_bias", "country", "reliability"]


def _body(tag: str, words: int = 160, marks: str = "“”“”") -> str:
    """A body of `words` made-up words (`marked_words`), ten a paragraph, blank lines between."""
    out = marked_words(tag, words, marks)
    return "\n\n".join(" ".join(out[at : at + 10]) for at in range(0, words, 10))


def _row(
    url: str, title: str, publisher: str = "Slate", body: str = "", date: str = "2020-05-01"
) -> dict[str, str]:
    return {
        "url": url,
        "title": title,
        "publisher": publisher,
        "publish_date": date,
        "body_text": body or _body("t"),
    }


def _repository(tmp_path: Path, files: dict[str, list[dict[str, str]]]) -> Repository:
    """Each file (a path -> its rows) committed to a made-up repository, read through a bare
    copy as a mirror."""
    work = tmp_path / "work"
    for path, rows in files.items():
        out = io.StringIO()
        writer = csv.DictWriter(out, _COLUMNS)
        writer.writeheader()
        writer.writerows({"": str(n), "news_id": str(n), **row} for n, row in enumerate(rows))
        (work / path).parent.mkdir(parents=True, exist_ok=True)
        (work / path).write_text(out.getvalue(), encoding="utf-8")
    commit_data = ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "data"]
    for args in (["init", "-q"], ["add", "-A"], commit_data):
        subprocess.run(["git", "-C", str(work), *args], capture_output=True, check=True)
    commit = subprocess.run(
        ["git", "-C", str(work), "rev-parse", "HEAD"], capture_output=True, check=True, text=True
    ).stdout.strip()
    mirror = tmp_path / "mirror"
    bare = mirror / _REPO.replace("/", "+") / "repo"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True)
    return Repository(Source(_REPO, commit), mirror, tmp_path)


def _titles(pages: list[tuple[str, str]]) -> list[str]:
    return [text.split("\n", 1)[0] for _, text in pages]


def test_the_set() -> None:
    assert recovery.set_name(1) == "recovery-quotes"
    assert recovery.BATCHES[1][1].name == "recovery-quotes"
    assert recovery.BATCHES[1][0].name == "recovery1_labels.json"


def test_candidates_first_occurrence_of_url_and_title_in_sorted_files_of_allowed_outlets(
    tmp_path: Path,
) -> None:
    folder = recovery.FOLDER
    repository = _repository(
        tmp_path,
        {
            f"{folder}/b.csv": [
                _row(" https://x.com/a ", "Again A"),  # (url stripped: seen in a.csv)
                _row("https://x.com/b", "B"),
                _row("https://x.com/e", "  Title\n of   e "),  # (title seen: a Reuters row's)
                _row("https://x.com/f", "F", publisher="Slate "),  # (not as stored)
                _row("", "No url"),
                _row("https://x.com/g", " \n "),
                _row("https://x.com/h", "H", publisher="The Verge"),
            ],
            f"{folder}/a.csv": [
                _row("https://x.com/a", "A", publisher="CNBC"),
                _row("https://x.com/r", "Title of e", publisher="Reuters"),  # (left out ...)
                _row("https://x.com/c", "B", publisher="Reuters"),  # (... but seen: b's title)
            ],
            f"{folder}/._c.csv": [_row("https://x.com/mac", "Mac")],
            f"{folder}/d.txt": [_row("https://x.com/txt", "Txt")],
            "dataset/unreliable/a.csv": [_row("https://x.com/u", "U")],
        },
    )
    assert recovery.csv_paths(repository) == [f"{folder}/a.csv", f"{folder}/b.csv"]
    found = recovery.candidates(repository)
    assert [(row["url"], row["headline"]) for row in found] == [
        ("https://x.com/a", "A"),
        ("https://x.com/h", "H"),
    ]


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [
        ("One.\n\nTwo.\nThree.\n\n\n\nFour.", ["One.", "Two.", "Three.", "Four."]),
        ("  A \t\u00a0 b\f\vc  \n \n\t\nD\r\n\r\nE\rF", ["A b c", "D", "EF"]),
        ("No break, one block.", ["No break, one block."]),
        ("\n\n", []),
    ],
)
def test_paragraphs_of(body: str, paragraphs: list[str]) -> None:
    assert recovery.paragraphs_of(body) == paragraphs


def test_text_is_the_headline_then_one_paragraph_a_line() -> None:
    headline = recovery.headline_of("  Mayor:\n “We are\u00a0not  playing” ")
    assert headline == "Mayor: “We are not playing”"
    assert recovery.text_of(headline, ["One.", "“Two,” he said."]) == (
        "Mayor: “We are not playing”\nOne.\n“Two,” he said.\n"
    )


def test_keeps_150_to_1500_words_and_four_double_marks_of_the_body(tmp_path: Path) -> None:
    rows = [
        _row("https://x.com/1", "w149", body=_body("a", 149)),
        _row("https://x.com/2", "w150", body=_body("b", 150, '""“”')),  # (straight counted)
        _row("https://x.com/3", "w1500", body=_body("c", 1500)),
        _row("https://x.com/4", "w1501", body=_body("d", 1501)),
        _row("https://x.com/5", "“m3” “", body=_body("e", 200, "“”“")),  # (not the headline's)
        _row("https://x.com/6", "empty", body=" "),
    ]
    repository = _repository(tmp_path, {f"{recovery.FOLDER}/a.csv": rows})
    assert sorted(_titles(recovery.chosen(repository))) == ["w150", "w1500"]


def test_order_is_by_salted_sha256_of_the_url_at_most_three_an_outlet(tmp_path: Path) -> None:
    rows = [_row(f"https://x.com/s{n}", f"s{n}") for n in range(1, 6)]
    rows += [_row(f"https://x.com/c{n}", f"c{n}", publisher="CNBC") for n in range(1, 3)]
    rows.append(_row("https://x.com/n1", "n1", publisher="National Public Radio (NPR)"))
    repository = _repository(tmp_path, {f"{recovery.FOLDER}/a.csv": rows})
    # sha256("stop79-africa:" + url): n1 s5 s2 c1 s1 s4 c2 s3 (s4, s3: three of Slate)
    assert _titles(recovery.chosen(repository)) == ["n1", "s5", "s2", "c1", "s1", "c2"]


def test_takes_twenty_in_order_named_by_outlet_year_and_headline(tmp_path: Path) -> None:
    outlets = list(recovery.OUTLETS)[:8]
    rows = [
        _row(f"https://x.com/{n}", f"Story {n}", outlets[n % 8], date=f"20{n:02}-01-02")
        for n in range(24)
    ]
    repository = _repository(tmp_path, {f"{recovery.FOLDER}/a.csv": rows})
    pages = recovery.chosen(repository)
    order = [14, 21, 13, 11, 9, 6, 1, 2, 17, 0, 4, 22, 18, 10, 7, 3, 8, 16, 12, 23]
    assert _titles(pages) == [f"Story {n}" for n in order]  # (20, 5, 19, 15 come after)
    short = list(recovery.OUTLETS.values())
    assert [name for name, _ in pages] == [f"{short[n % 8]}-20{n:02}-story-{n}" for n in order]


@pytest.mark.parametrize(
    ("rows", "names"),
    [
        (
            [("Chicago Sun-Times", "2020-04-06", "Chicago’s sports teams — Mayor Lori: “no”")],
            ["suntimes-2020-chicagos-sports-teams-mayor-lori"],
        ),
        ([("Yahoo! News", "", "Café au lait, 7 days")], ["yahoonews-nd-caf-au-lait-7-days"]),
        ([("The Verge", "2020", "!!")], ["verge-2020"]),
        (
            [("CNBC", "2020-01-01", "Same words"), ("CNBC", "2020-12-31", "Same, words!")] * 2,
            ["cnbc-2020-same-words", *(f"cnbc-2020-same-words-{n}" for n in (2, 3, 4))],
        ),
    ],
)
def test_names(rows: list[tuple[str, str, str]], names: list[str]) -> None:
    used: set[str] = set()
    assert [recovery.name_of(*row, used) for row in rows] == names
    assert used == set(names)
