"""Reading article files: encodings, formats, titles, refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.library.article_files import (
    ArticleError,
    decode,
    is_article_file,
    parse_article,
    read_article,
    reads_like_paragraph,
)
from tests.helpers.cli import run_reader


def test_txt_title_is_the_first_non_empty_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n\n  The Headline  \n\nBody text.\n", encoding="utf-8")
    article = read_article(path)
    assert article.title == "The Headline"
    assert article.text.startswith("\n\n  The Headline")


def test_crlf_and_cr_are_normalised() -> None:
    article = parse_article(b"Title\r\n\r\nOne\rtwo\r\n", ".txt", "a.txt")
    assert article.text == "Title\n\nOne\ntwo\n"


def test_cp1252_news_copy_keeps_its_curly_quotes() -> None:
    data = "Title\n\n\u201cWe\u2019re ready,\u201d she said.".encode("cp1252")
    assert parse_article(data, ".txt", "a.txt").text.endswith("“We’re ready,” she said.")


def test_utf16_with_bom_is_decoded() -> None:
    data = codecs.BOM_UTF16_LE + "Titre\n\n« Oui », dit-elle.".encode("utf-16-le")
    assert decode(data, "a.txt") == "Titre\n\n« Oui », dit-elle."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded(encoding: str) -> None:
    """Some Windows tools save UTF-16 without a byte-order mark: every other byte a NUL."""
    text = "Titre\n\n« Oui », dit-elle. Le 東京 bureau 🇨🇦 a répondu.\n"
    assert decode(text.encode(encoding), "a.txt") == text


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # NULs, but not every other byte
        b"\x00" * 512,  # nothing but NULs
        "A\x01\x02\x03\x04\x05\x06\x07".encode("utf-16-le") * 16,  # controls once decoded
    ],
)
def test_binary_with_nul_bytes_is_still_refused(data: bytes) -> None:
    with pytest.raises(ArticleError, match="looks like a binary file"):
        decode(data, "b.txt")


def test_utf8_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + b"Hello", "a.txt") == "Hello"


def test_binary_file_is_refused_with_its_name() -> None:
    with pytest.raises(ArticleError, match=r"photo\.txt: looks like a binary file"):
        parse_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ".txt", "photo.txt")


def test_empty_file_is_refused() -> None:
    with pytest.raises(ArticleError, match="no text"):
        parse_article(b"  \n\n ", ".txt", "empty.txt")


def test_unreadable_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"gone\.txt: cannot read it"):
        read_article(tmp_path / "gone.txt")


def test_markdown_title_from_first_heading_and_marks_dropped() -> None:
    source = b"Intro line\n\n# The *Real* Title\n\nSome **bold** and a [link](http://x.org).\n\n- one\n- two\n"
    article = parse_article(source, ".md", "a.md")
    assert article.title == "The *Real* Title" or article.title == "The Real Title"
    assert "Some bold and a link." in article.text
    assert "• one" in article.text and "• two" in article.text
    assert "**" not in article.text and "](" not in article.text


def test_markdown_front_matter_is_metadata() -> None:
    source = b'---\ntitle: "A \\"quoted\\" title"\nsite: CityNews\nurl: https://example.org/a\n---\n\nBody.\n'
    article = parse_article(source, ".md", "a.md")
    assert article.title == 'A "quoted" title'
    assert article.meta["site"] == "CityNews"
    assert article.text.strip() == "Body."


def test_markdown_keeps_rich_markup_literally() -> None:
    article = parse_article(b"# T\n\nSee [bold]this[/] and [link=x]y[/link].\n", ".md", "a.md")
    assert "[bold]this[/]" in article.text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("story.txt", True),
        ("story.md", True),
        ("story.MD", True),
        ("README.md", False),
        ("NOTICE.md", False),
        ("readme.txt", False),
        ("README.fr.md", False),
        ("LICENSE-MIT.md", False),
        ("CHANGELOG.md", False),
        ("license-plates-stolen-across-the-city.md", True),  # an article's title, as added
        ("notice-the-bridge-is-closed.md", True),
        (".hidden.txt", False),
        ("reader.json", False),
        ("photo.png", False),
    ],
)
def test_which_files_are_articles(name: str, expected: bool) -> None:
    assert is_article_file(Path(name)) is expected


@pytest.mark.parametrize(
    ("first_line", "is_prose"),
    [
        ("Mayor promises new budget for parks", False),
        ('Trump: "We will win"', False),
        ("Is this the end of the high street?", False),
        ('"We are ready," the mayor said on Tuesday.', True),
        (
            "The city council voted on Tuesday to approve a budget that adds two parks "
            "and a library to the east side of town.",
            True,
        ),
        (" ".join(["word"] * 45), True),
    ],
)
def test_a_first_line_that_reads_like_a_paragraph_is_not_the_title(
    first_line: str, is_prose: bool
) -> None:
    article = parse_article(f"{first_line}\n\nMore text.\n".encode(), ".txt", "lib/city-budget.txt")
    assert reads_like_paragraph(first_line) is is_prose
    assert article.title == ("city-budget" if is_prose else first_line)
    assert article.text.startswith(first_line)


def test_a_markdown_title_with_long_runs_of_blanks_is_read_whole() -> None:
    blanks = " " * 20_000  # (each pattern once stopped before such a run: time as its square)
    heading = parse_article(f"# Budget {blanks}vote ##\n\nText.\n".encode(), ".md", "a.md")
    assert heading.title == "Budget vote"
    front = parse_article(
        f"---\ntitle:   Budget{blanks}vote   \n---\n\nText.\n".encode(), ".md", "b.md"
    )
    assert front.title == "Budget vote"
    closed = parse_article(b"#   \n\n## Second heading ##\n\nText.\n", ".md", "c.md")
    assert closed.title == "Second heading"


def test_a_markdown_file_of_more_lines_than_an_article_is_refused_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Markdown's parser takes time in step with the blocks (64 MB of one-line list items
    would take ten minutes in a library's scan): over `MOST_MARKDOWN_LINES` lines a Markdown
    file is refused, naming the file and what to do; the same lines as .txt are read."""
    from reader.library import article_files

    monkeypatch.setattr(article_files, "MOST_MARKDOWN_LINES", 50)
    items = "".join(f"- item {number}\n" for number in range(60)).encode()
    with pytest.raises(ArticleError, match=r"^long\.md: over 50 lines, .* rename it \.txt"):
        parse_article(items, ".md", "long.md")
    assert parse_article(items, ".txt", "long.txt").text.startswith("- item 0")
    assert "item 0" in parse_article(items[:300], ".md", "short.md").text
    # lines that end in a lone "\r" are lines to the parser too (4 MB of them: 49 s, 2 GB)
    with pytest.raises(ArticleError, match=r"over 50 lines"):
        parse_article(items.replace(b"\n", b"\r"), ".md", "old-mac.md")
    assert "item 0" in parse_article(items[:300].replace(b"\n", b"\r\n"), ".md", "w.md").text
    # and a table's cells cost the parser most (a 2 MB table: 14 s, 1.4 GB)
    monkeypatch.setattr(article_files, "MOST_MARKDOWN_CELLS", 40)
    table = b"|a|b|\n|-|-|\n" + b"|1|2|\n" * 20
    with pytest.raises(ArticleError, match=r"over 40 table cells"):
        parse_article(table, ".md", "table.md")


def test_a_markdown_file_of_brackets_or_backslashes_by_the_thousand_is_refused() -> None:
    # A paragraph of "![" repeated: the parser looks for each link's end, 100 s a megabyte
    # (8 MB: a quarter of an hour in a library's scan); a text of backslashes, "&", "*" or
    # "_" that `reader add` escapes to Markdown: 1.45 GB for 4 MB (stop 77's attacker)
    with pytest.raises(ArticleError, match=r"^pics\.md: over 20,000 opening brackets, .* \.txt"):
        parse_article(b"![" * 20_001, ".md", "pics.md")
    with pytest.raises(ArticleError, match=r"over 500,000 backslashes"):
        parse_article(b"\\" * 500_001, ".md", "slashes.md")
    assert parse_article(b"![" * 20_001, ".txt", "pics.txt").text.startswith("![![")
    links = "".join(f"See [story {n}](https://example.com/{n}).\n\n" for n in range(500))
    assert "story 499" in parse_article(links.encode(), ".md", "links.md").text


def test_a_text_file_of_backslashes_by_the_hundred_thousand_is_not_added_as_markdown(
    tmp_path: Path,
) -> None:
    source = tmp_path / "slashes.txt"
    source.write_bytes(b"Slashes\n\n" + b"&*_\\" * 130_000 + b"\n")
    (tmp_path / "library").mkdir()
    result = run_reader("add", str(source), "--library", str(tmp_path / "library"))
    assert result.returncode == 1 and "over 500,000 backslashes" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("Transit fares to rise\n\nBy Claire Dubois\n\nFares rise in March.\n", "Claire Dubois"),
        (
            "Fares rise\n\nA standfirst.\n\nBy Maya Chen | The Canadian Press\n\nBody.\n",
            "Maya Chen",
        ),
        ("By the end of the year\n\nBy the end of the year, fares will rise.\n", None),
        ("Fares rise\n\nOne.\n\nTwo.\n\nThree.\n\nBy Claire Dubois\n", None),  # (not at the top)
        ("---\nauthor: Ann Lee\n---\n# Fares rise\n\nBy Claire Dubois\n\nBody.\n", "Ann Lee"),
        ("Market report\n\nBy The Numbers\n\nStocks rose.\n", None),
        ("Market report\n\nBy Monday\n\nStocks rose.\n", None),
        ("# Market report\n\n## By The Way\n\nStocks rose.\n", None),
        ("Fares rise\n\nBy Maya Chen and Luis Ortiz\n\nBody.\n", "Maya Chen and Luis Ortiz"),
        ("Fares rise\n\nBy Claire Dubois, Staff Writer\n\nBody.\n", "Claire Dubois"),
        ("Fares rise\n\nBy Maya Chen, Reuters\n\nBody.\n", "Maya Chen"),
        ("Fares rise\n\nBy April Ross\n\nBody.\n", "April Ross"),
        ("Ruling\n\nBy Order Of The Court\n\nBody.\n", None),
        ("Ferries\n\nBy Land And Sea\n\nBody.\n", None),
    ],
)
def test_a_byline_under_the_headline_of_a_text_file_is_its_author(
    text: str, author: str | None
) -> None:
    # "By Claire Dubois" under a .txt article's headline stayed a paragraph, and the CSV's
    # author column was empty for it (a newcomer's finding)
    suffix = ".md" if text.startswith(("---", "#")) else ".txt"
    article = parse_article(text.encode(), suffix, "a" + suffix)
    assert article.meta.get("author") == author


def _outline(depth: int) -> bytes:
    items = "".join("  " * i + f"- point {i}\n" for i in range(depth))
    return f"# Council passes budget\n\nKey votes:\n\n{items}\nThe mayor spoke last.\n".encode()


def test_a_markdown_outline_ten_deep_keeps_the_story_after_it() -> None:
    # markdown-it stops at its nesting limit without a word: the items past the tenth level
    # and every paragraph after them were dropped, and the annotations on them orphaned
    article = parse_article(_outline(12), ".md", "council.md")
    assert "point 11" in article.text
    assert article.text.rstrip().endswith("The mayor spoke last.")


def test_markdown_nested_past_what_is_read_is_refused_in_one_line() -> None:
    with pytest.raises(ArticleError) as refused:
        parse_article(_outline(60), ".md", "council.md")
    message = str(refused.value)
    assert message.startswith("council.md: ") and "rename it .txt" in message
    assert "\n" not in message


def test_markdown_is_read_whole_to_its_last_level_and_inline_marks_never_refuse_it() -> None:
    # 49 lists deep had been refused as "over 50", and a file with no list at all (emphasis
    # 98 deep, 200 underscores about a word) refused as nested lists (an attack's finding)
    article = parse_article(_outline(49), ".md", "council.md")
    assert "point 48" in article.text and article.text.rstrip().endswith("The mayor spoke last.")
    quoted = ("# Deep\n\n" + ">" * 99 + " deep words\n\nAfter.\n").encode()
    assert "deep words" in parse_article(quoted, ".md", "deep.md").text
    for inline in ("**" * 98 + "x" + "**" * 98, "_" * 200 + "word" + "_" * 200):
        assert parse_article(f"# Marks\n\n{inline}\n".encode(), ".md", "marks.md").text
