"""The `reader` command as a user's shell runs it: a subprocess, exit codes, output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.library.folder import Library
from reader.storage.database import Store
from tests.helpers.cli import run_reader
from tests.helpers.paths import ICE
from tests.helpers.seeding import tag_quotes


def test_version() -> None:
    result = run_reader("--version")
    assert result.returncode == 0 and result.stdout.startswith("reader 0.")


def test_search_with_a_typo_prints_ranked_results(tagged_library: Path) -> None:
    result = run_reader("search", "--library", str(tagged_library), "mcphersn")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].split("  ", 1)[1].startswith("Heather McPherson")


def test_search_prints_a_passage_without_quote_marks(library: Path) -> None:
    from reader.core.records import PASSAGE
    from reader.storage.database import Store

    tag_quotes(library, [(ICE, "Agents in Canada don", "ICE", [])])  # a sentence, no marks
    store = Store(library / "reader.json")
    [passage] = store.annotations()
    assert passage.kind == PASSAGE
    store.close()
    result = run_reader("search", "--library", str(library), "agents canada")
    assert result.returncode == 0
    assert "passage: Agents in Canada" in result.stdout and "“Agents" not in result.stdout


def test_search_json_has_the_stable_shape(tagged_library: Path) -> None:
    result = run_reader("search", "--library", str(tagged_library), "--json", "publc safty")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert [r["source"] for r in rows] == ["Doug King"]
    assert set(rows[0]) == {
        "id",
        "article",
        "title",
        "quote",
        "source",
        "themes",
        "note",
        "kind",
        "start",
        "end",
        "score",
        "coder",
    }
    text = (tagged_library / rows[0]["article"]).read_text(encoding="utf-8")
    assert text[rows[0]["start"] : rows[0]["end"]] == rows[0]["quote"]


def test_search_filters_and_limit(tagged_library: Path) -> None:
    result = run_reader(
        "search", "--library", str(tagged_library), "--json", "--limit", "1", "article:ICE"
    )
    assert len(json.loads(result.stdout)) == 1
    # (the list cut short said nothing: a script took 20 for all; a newcomer's finding)
    assert "reader: 1 more match; --limit 2 gives them all" in result.stderr
    result = run_reader("search", "--library", str(tagged_library), "--json", 'source:"Doug King"')
    assert [r["source"] for r in json.loads(result.stdout)] == ["Doug King"]
    assert not result.stderr


def test_search_leaves_out_sorts_and_groups(seeded_library: Path) -> None:
    where = ("--library", str(seeded_library))
    left_out = run_reader("search", *where, "--json", "-theme:celebrity")
    assert left_out.returncode == 0, left_out.stderr
    assert {r["source"] for r in json.loads(left_out.stdout)} == {
        "Doug King",
        "Heather McPherson",
        "ICE",
    }
    grouped = run_reader("search", *where, "--group", "--sort", "newest", "-source:nobody")
    headings = [line for line in grouped.stdout.splitlines() if line.startswith("== ")]
    assert len(headings) == 2 and len(set(headings)) == 2
    assert grouped.stdout.count("Elaine Gustafon") == 1
    assert (seeded_library / ".reader.json.index").is_file()  # the next search reads it


def test_a_search_of_filters_only_shows_no_scores(seeded_library: Path) -> None:
    filtered = run_reader("search", "--library", str(seeded_library), "-theme:celebrity")
    assert filtered.returncode == 0, filtered.stderr
    heads = [line for line in filtered.stdout.splitlines() if not line.startswith(" ")]
    assert heads and not any(line.startswith("  0.0") for line in heads)
    assert heads[0].split(" · ")[0] in {"Doug King", "Heather McPherson", "ICE"}
    ranked = run_reader("search", "--library", str(seeded_library), "mcphersn")
    assert ranked.stdout.splitlines()[0].split("  ", 1)[1].startswith("Heather McPherson")


def test_empty_standard_input_is_named_as_such(library: Path) -> None:
    result = run_reader("add", "-", "--library", str(library), stdin="")
    assert result.returncode == 1
    assert result.stderr.startswith("reader add: standard input: nothing came in")
    assert "file" not in result.stderr


def test_an_export_of_a_library_with_no_annotations_names_it(library: Path) -> None:
    """Run from elsewhere, `reader export` read the default library and said only
    "Exported 0 annotations from 0 articles" (a newcomer's finding): it names the database."""
    result = run_reader("export", "-f", "csv", "--library", str(library))
    assert result.returncode == 0
    assert f"{library.resolve() / 'reader.json'}: no annotations there yet" in result.stderr


def test_a_search_of_emoji_alone_matches_nothing_and_says_why(tagged_library: Path) -> None:
    result = run_reader("search", "--library", str(tagged_library), "--json", "🇨🇦")
    assert result.returncode == 0 and json.loads(result.stdout) == []
    result = run_reader("search", "--library", str(tagged_library), "🇨🇦")
    assert result.returncode == 0
    assert "Search reads words, not emoji: add a word." in result.stderr


def test_no_match_is_not_an_error(tagged_library: Path) -> None:
    result = run_reader("search", "--library", str(tagged_library), "--json", "zzyzx")
    assert result.returncode == 0 and json.loads(result.stdout) == []
    result = run_reader("search", "--library", str(tagged_library), "zzyzx")
    assert result.returncode == 0 and "No annotation matches" in result.stderr
    huge = run_reader("search", "--library", str(tagged_library), "zzyzx " * 20_000)
    assert huge.returncode == 0 and len(huge.stderr) < 200  # the query cut to a line
    misspelled = run_reader("search", "--library", str(tagged_library), "sorce:king")
    assert misspelled.returncode == 0
    assert "sorce: is not a field; did you mean source:?" in misspelled.stderr


def test_a_date_filter_that_is_no_date_is_a_usage_error(
    tagged_library: Path, tmp_path: Path
) -> None:
    before = (tagged_library / "reader.json").read_bytes()
    for command in (
        ("search", "after:2026-13-45"),
        ("stats", "date:yesterday"),
        ("export", "before:2026-02-30", "-f", "csv", "-o", str(tmp_path / "x.csv")),
    ):
        result = run_reader(*command, "--library", str(tagged_library))
        assert result.returncode == 2, command
        assert result.stderr.count("\n") == 1 and "is not a date" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.csv").exists()
    assert (tagged_library / "reader.json").read_bytes() == before
    fine = run_reader("search", "--library", str(tagged_library), "after:2026-02")
    assert fine.returncode == 0


def test_list_prints_articles_with_counts(tagged_library: Path) -> None:
    result = run_reader("list", "--json", "--library", str(tagged_library))
    rows = {r["path"]: r for r in json.loads(result.stdout)}
    assert rows["ice-canada-offices.txt"]["annotations"] == 2
    assert rows["wikinews-warhol-university-exhibits.txt"]["annotations"] == 0
    plain = run_reader("list", "--library", str(tagged_library))
    assert "    2  ice-canada-offices.txt" in plain.stdout
    # The titles line up (they followed each file name: a ragged column, a newcomer said)
    starts = {
        line.index(title)
        for line in plain.stdout.splitlines()
        for title in ("ICE actions", "Warhol's photo", "Sensitive Canadian", "North Korea")
        if title in line
    }
    assert len(starts) == 1
    assert "notes  file" not in plain.stdout  # (the heading is for a terminal)


def test_list_lines_titles_up_after_names_of_wide_letters(tmp_path: Path) -> None:
    (tmp_path / "漢字の記事.txt").write_text("A title\n\nSome text here.\n", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("Another title\n\nText.\n", encoding="utf-8")
    plain = run_reader("list", str(tmp_path))
    from rich.cells import cell_len

    starts = {
        cell_len(line[: line.index("A", line.index(".txt"))]) for line in plain.stdout.splitlines()
    }
    assert len(starts) == 1, plain.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_list_names_its_columns_in_a_terminal(tagged_library: Path) -> None:
    import os
    import subprocess

    main_end, child_end = os.openpty()
    try:
        subprocess.run(
            [sys.executable, "-m", "reader", "list", "--library", str(tagged_library)],
            stdout=child_end,
            stderr=subprocess.DEVNULL,
            check=True,
            timeout=60,
            env={**os.environ, "NO_COLOR": "1"},
        )
        shown = os.read(main_end, 65536).decode()
    finally:
        os.close(main_end)
        os.close(child_end)
    assert shown.splitlines()[0].split() == ["notes", "file", "title"]


def test_list_takes_the_library_as_its_argument_and_marks_what_is_unread(library: Path) -> None:
    store = Store(library / "reader.json")
    Library(library, store).scan()
    [ice] = [r for r in store.articles() if r.path == ICE]
    store.set_reading_state([ice.id], read=False)  # as a feed's new item comes in
    store.close()
    plain = run_reader("list", str(library))
    assert plain.returncode == 0, plain.stderr
    [line] = [line for line in plain.stdout.splitlines() if ICE in line]
    assert line.endswith("(unread)")
    assert sum("(unread)" in line for line in plain.stdout.splitlines()) == 1
    rows = json.loads(run_reader("list", "--json", str(library)).stdout)
    assert [r["read"] for r in rows if r["path"] == ICE] == [False]


def test_library_from_the_environment(tagged_library: Path, tmp_path: Path) -> None:
    env = {**os.environ, "READER_LIBRARY": str(tagged_library)}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert len(json.loads(result.stdout)) == 4


def test_a_library_folder_in_the_current_folder_is_the_default(tagged_library: Path) -> None:
    result = run_reader("list", "--json", cwd=tagged_library.parent)
    assert len(json.loads(result.stdout)) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("search",), "give a QUERY to search for"),
        (("search", "x", "--bogus"), "reader search: unrecognized arguments: --bogus"),
        (("search", "x", "--limit", "0"), "must be 1 or more"),
        (("list", "--bogus"), "unrecognized arguments: --bogus"),
        (("list", "--library", "/no/such/folder"), "/no/such/folder: no such folder"),
        (("/no/such/folder",), "/no/such/folder: no such folder"),
    ],
)
def test_bad_usage_exits_2_with_one_line(args: tuple[str, ...], message: str) -> None:
    result = run_reader(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_damaged_database_is_one_line_and_exit_1(library: Path) -> None:
    (library / "reader.json").write_text("{oops")
    result = run_reader("list", "--library", str(library))
    assert result.returncode == 1
    assert (
        result.stderr.count("\n") == 1
        and "reader.json: not valid JSON" in result.stderr
        and "reader restore" in result.stderr
    )
    assert (library / "reader.json").read_text() == "{oops"


def test_a_skipped_file_is_named(library: Path) -> None:
    (library / "junk.txt").write_bytes(b"\x00\xff\x00")
    result = run_reader("list", "--library", str(library))
    assert result.returncode == 0
    assert "junk.txt: looks like a binary file" in result.stderr


def _plain_article(path: Path, *paragraphs: str) -> Path:
    """A `.txt` article outside any library: a headline, then its paragraphs."""
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def test_quotes_json_of_a_plain_file_outside_the_library(tmp_path: Path) -> None:
    article = _plain_article(
        tmp_path / "elsewhere.txt",
        "Council votes on bridge",
        "Mayor Ann Hollis, a former engineer, backed the plan.",
        '"We cannot wait another winter," Hollis said. Not every "vanity project" is a waste.',
    )
    result = run_reader("quotes", str(article), "--json", "--library", str(tmp_path))
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    text = article.read_text(encoding="utf-8")
    assert rows == [
        {
            "quote": "We cannot wait another winter,",
            "start": text.index("We cannot"),
            "end": text.index("We cannot") + len("We cannot wait another winter,"),
            "speaker": "Ann Hollis",
            "speaker_mention": "Hollis",
            "cue": "said",
            "carried": False,
            "confidence": rows[0]["confidence"],
        }
    ]
    assert not (tmp_path / "reader.json").exists()  # nothing written beside it
    every = json.loads(run_reader("quotes", str(article), "--json", "--all").stdout)
    assert [row["speech"] for row in every] == [True, False]


def test_quotes_make_no_library_where_none_was(tmp_path: Path) -> None:
    default = Path(os.environ["XDG_DATA_HOME"]) / "reader" / "library"
    assert not default.exists()
    missing = run_reader("quotes", str(tmp_path / "nonexistent.txt"), cwd=tmp_path)
    assert missing.returncode == 1 and "nonexistent.txt" in missing.stderr
    article = _plain_article(tmp_path / "a.txt", "Title", '"Yes," Ann Hollis said.', "End.")
    assert run_reader("quotes", str(article), cwd=tmp_path).returncode == 0
    assert not default.exists()  # only reading: nothing made in the user's data folder


def test_commands_that_only_read_make_no_library_where_none_was(tmp_path: Path) -> None:
    # `cd library && reader list` (a newcomer, helper 187) made an empty library in the
    # user's data folder: a command that only reads says there is nothing, and makes none.
    default = Path(os.environ["XDG_DATA_HOME"]) / "reader" / "library"
    assert not default.exists()
    listed = run_reader("list", cwd=tmp_path)
    assert listed.returncode == 0 and "No articles in" in listed.stderr
    for command in (["search", "king"], ["export"], ["stats"]):
        assert run_reader(*command, cwd=tmp_path).returncode == 0, command
    assert not default.exists()


def test_quotes_of_a_library_article_by_name_in_codebook_spelling(tagged_library: Path) -> None:
    result = run_reader("quotes", "ice-canada", "--library", str(tagged_library))
    assert result.returncode == 0, result.stderr
    assert "Doug King [explained]" in result.stdout
    assert "Heather McPherson [wrote]" in result.stdout
    assert "U.S. Embassy" not in result.stdout  # its paraphrase is not a quotation


def test_quotes_by_name_never_matches_the_old_copies_updates_keep(tagged_library: Path) -> None:
    """After three updates of a page, "city council" matched four articles: three were
    the old copies kept in .reader-backups/articles (a journalist's finding)."""
    import shutil

    kept = tagged_library / ".reader-backups" / "articles"
    kept.mkdir(parents=True)
    for stamp in ("2026-12-06T1", "2026-12-06T2"):
        shutil.copy(
            tagged_library / "ice-canada-offices.txt", kept / f"ice-canada-offices.{stamp}.txt"
        )
    result = run_reader("quotes", "ice-canada", "--library", str(tagged_library))
    assert result.returncode == 0, result.stderr
    assert "Doug King [explained]" in result.stdout


def test_quotes_of_nothing_is_a_one_line_error(library: Path) -> None:
    result = run_reader("quotes", "no-such-article", "--library", str(library))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no-such-article" in result.stderr
    assert "Traceback" not in result.stderr


def test_quotes_of_a_device_or_an_odd_name_is_said_on_one_line(
    library: Path, tmp_path: Path
) -> None:
    device = run_reader("quotes", "/dev/null", "--library", str(library))
    assert device.returncode == 1
    assert "not a regular file" in device.stderr and device.stderr.count("\n") == 1
    odd = tmp_path / "evil\nname.txt"
    odd.write_text("A story\n\n“We will fix it,” Jane Roe said.\n", encoding="utf-8")
    result = run_reader("quotes", str(odd), "--library", str(library))
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].endswith('evil\\nname.txt")')  # one line, escaped


@pytest.fixture(scope="module")
def big_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An article of 1,000 quotations, each tagged with its own speaker: output over 64 KB."""
    from reader.core.records import new_annotation
    from reader.library.folder import Library
    from reader.storage.database import Store

    folder = tmp_path_factory.mktemp("big") / "library"
    folder.mkdir()
    body = "\n\n".join(
        f"“Sentence number {n} is what I said today,” said Person Number{n}." for n in range(1000)
    )
    (folder / "big.txt").write_text("Big\n\n" + body, encoding="utf-8")
    store = Store(folder / "reader.json")
    Library(folder, store).scan()
    [record] = store.articles()
    text = Library(folder, store).load(record).text
    annotations = []
    for n in range(1000):
        start = text.index(f"Sentence number {n} ")
        annotations.append(
            new_annotation(record.id, text, start, start + 20, source=f"Person Number{n}")
        )
    store.save_annotations(annotations)
    store.close()
    return folder


@pytest.mark.parametrize(
    "command",
    [
        ["quotes", "big.txt", "--json"],
        ["stats", "--by", "source"],
        ["search", "sentence", "--json", "--limit", "3000"],
        ["export", "-f", "csv"],
    ],
)
def test_output_into_a_closed_pipe_ends_quietly(
    big_library: Path, tmp_path: Path, command: list[str]
) -> None:
    errors = tmp_path / "stderr"
    line = " ".join([sys.executable, "-m", "reader", *command, "--library", str(big_library)])
    result = subprocess.run(
        ["bash", "-c", f"{line} 2>{errors} | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert errors.read_text() == ""
    assert result.stdout.strip() == "0"


def test_keys_lists_every_id_and_marks_the_changed_ones(tmp_path: Path) -> None:
    import os

    listed = run_reader("keys")
    assert listed.returncode == 0 and "article.tag" in listed.stdout
    for other in ("compare.keep_a", "analysis.export", "speakers.tag_all", "orphans.delete"):
        assert other in listed.stdout  # the keys of comparison mode and of every screen
    assert "~/.config/reader/keymap.toml" in listed.stdout
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "reader"
    config.mkdir(parents=True)
    (config / "keymap.toml").write_text(
        '[keymap]\n"article.tag" = "ctrl+t"\n"x" = 3\n"app.serch" = "ctrl+f"\n'
    )
    rows = json.loads(run_reader("keys", "--json").stdout)
    [row] = [r for r in rows if r["id"] == "article.tag"]
    assert row["keys"] == "ctrl+t" and row["changed"] is True
    warned = run_reader("keys")
    assert "'x' left out" in warned.stderr
    assert "'app.serch' is no key's id" in warned.stderr  # (a typo: said, not ignored)
    assert "did you mean 'app.search'?" in warned.stderr


def test_quotes_show_the_words_for_a_speaker_no_name_was_found_for(tmp_path: Path) -> None:
    article = _plain_article(
        tmp_path / "hearing.txt",
        "Rail executives face MPs",
        "Rail executives appeared before the committee on Tuesday.",
        "“Flaws can develop quickly,” the executive said.",
    )
    result = run_reader("quotes", str(article), "--library", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "(speaker unknown: the executive)" in result.stdout
    (row,) = json.loads(run_reader("quotes", str(article), "--json").stdout)
    assert (row["speaker"], row["speaker_mention"]) == (None, "the executive")


def test_quotes_mark_an_uncertain_speaker_with_a_question_mark_as_the_app_does(
    tmp_path: Path,
) -> None:
    article = tmp_path / "road.txt"
    article.write_text(
        "Town council meets\n\n“We will fix the road this summer,” Mayor Jane Roe said.\n\n"
        "Councillor Tom Lee spoke after her, and so did Councillor Sam Ruiz.\n\n"
        "“It has been broken for years,” he said.\n",  # which of two men: not certain
        encoding="utf-8",
    )
    rows = json.loads(run_reader("quotes", str(article), "--json").stdout)
    doubtful = [r["speaker"] for r in rows if r["speaker"] and r["confidence"] < 0.8]
    sure = [r["speaker"] for r in rows if r["speaker"] and r["confidence"] >= 0.8]
    assert doubtful and sure
    shown = run_reader("quotes", str(article), "--library", str(tmp_path)).stdout
    speakers = [
        line.split(". ", 1)[1] for line in shown.splitlines() if line[:4].strip().endswith(".")
    ]
    assert any(line.startswith(f"? {doubtful[0]}") for line in speakers), shown
    assert any(line.startswith(sure[0]) for line in speakers), shown


def test_quotes_say_where_a_speaker_is_carried_on_from_an_earlier_paragraph(
    tmp_path: Path,
) -> None:
    shown = _quotes_shown(
        tmp_path / "harbour.txt",
        "Harbour bridge to close\n\n“We will post signs on every road,” Jane Doe said.\n\n"
        "“Nobody asked the people who live here.”\n",
    )
    lines = [line.strip() for line in shown.splitlines()]
    assert "1. Jane Doe [said]" in lines and any(
        line.endswith("Jane Doe [carried on]") for line in lines
    ), shown


def test_quotes_suggest_the_body_an_unnamed_spokesperson_speaks_for_as_uncertain(
    tmp_path: Path,
) -> None:
    article = tmp_path / "bands.txt"
    article.write_text(
        "Regulator weighs new radio rules\n\n"
        "“We are seeking opinion from industry,” said a spokesman for Ofcom.\n\n"
        "“We saw nothing,” the spokesperson said.\n",
        encoding="utf-8",
    )
    shown = run_reader("quotes", str(article), "--library", str(tmp_path)).stdout
    assert "? Ofcom [said]" in shown, shown  # the body its words name, only there: uncertain
    rows = json.loads(run_reader("quotes", str(article), "--json").stdout)
    assert [r["speaker"] for r in rows] == ["Ofcom", None]  # "the spokesperson" alone: no one


def _quotes_shown(article: Path, text: str) -> str:
    """What `reader quotes ARTICLE` prints, run as the shell runs it, for `text` written there
    (its folder the library)."""
    article.write_text(text, encoding="utf-8")
    return run_reader("quotes", str(article), "--library", str(article.parent)).stdout


def test_quotes_give_a_trailing_he_said_to_the_reporter_and_a_name_with_letters_its_cue(
    tmp_path: Path,
) -> None:
    shown = _quotes_shown(
        tmp_path / "flood-plan.txt",
        "Flood plan attacked\n\n"
        "Councillor Peter Lind spoke to the chamber on Tuesday about the spring floods.\n\n"
        "Mayor Tom Okafor has ignored the river for a decade, he said, calling the plan "
        "“a failure of nerve”.\n\n"
        "The minister, Tom Ardoch MSP, said: “We found the money for the flood walls.”\n",
    )
    assert "? Peter Lind [said]" in shown, shown  # not Okafor, whom it reports on: to check
    assert "  2. Tom Ardoch [said]" in shown, shown  # named at the verb: no "?"


def test_quotes_name_the_person_behind_a_long_role_a_body_and_a_time_word(
    tmp_path: Path,
) -> None:
    shown = _quotes_shown(
        tmp_path / "ferries-results.txt",
        "Harbour Ferries posts record year\n\n"
        "Harbour Ferries has posted its best results in a decade.\n\n"
        "“We have a solid foundation,” said Harbour Ferries president and chief executive "
        "Bill Owens.\n\n"
        "Aviation analyst Nick Van den Brul of Northbank Securities described the results as "
        "“pretty modest”.\n\n"
        'Earlier opposition leader Tom Weir sent the firm his "warmest congratulations", '
        'saying: "This is good news for the whole coast."\n',
    )
    assert "  1. Bill Owens [said]" in shown, shown  # not the firm his role names
    assert "Nick Van den Brul [described]" in shown, shown  # not the bank he is of
    assert "Tom Weir [saying]" in shown, shown  # past "Earlier" and a phrase in straight marks


def test_quotes_read_a_reported_sentence_a_month_surname_a_club_and_two_initials(
    tmp_path: Path,
) -> None:
    shown = _quotes_shown(
        tmp_path / "transit-row.txt",
        "Okafor attacks mayor's transit plan\n\n"
        "Opposition leader Daniel Okafor has dismissed Mayor Tom Reddick's plan as “cuts "
        "dressed up as reform”.\n\n"
        "Mr Reddick's plan was not about riders but “all about the next election,” the "
        "opposition leader said. He went on to accuse Mr Reddick of cutting routes. “We can "
        "all see the cuts,” he said.\n\n"
        "Brenda May, shadow secretary for transport, said the plan was “a mess”.\n\n"
        "Portsmouth United's board said it would help. “We will run buses to the ground,” "
        "the club said.\n\n"
        "The Harbour Authority said the ferry would keep running. “The wall is safe for "
        "now,” said an HA statement.\n",
    )
    assert "3. ? Daniel Okafor [said]" in shown, shown  # the reporter carried on, not Reddick
    assert "4. ? Brenda May [said]" in shown, shown  # a surname, not a month (a phrase: checked)
    assert "5. ? Portsmouth United [said]" in shown, shown  # a club, not a place
    assert "6. Harbour Authority [said]" in shown, shown  # "HA": its initials


def test_quotes_read_soft_hyphens_a_day_s_document_and_a_paper_s_report(
    tmp_path: Path,
) -> None:
    # stop 61's constructions, as the shell runs `reader quotes --json`: offsets stay those
    # of the file as it is, soft hyphens and all
    article = tmp_path / "walkout.txt"
    text = (
        "Senators walk out\n\n"
        "Senate President Peter Courtney pleaded with Republicans to return. The Statesman "
        "Journal said the walkout was the second in two years.\n\n"
        "“I beg my fellow legislators to come to the floor,” the Statesman Journal reported "
        "Courtney saying.\n\n"
        "The league filed a motion on Monday. Tuesday’s motion adds that the suit is "
        "“frivolous and without merit.”\n\n"
        "Pollster Frank Luntz, who stud\u00adies the par\u00adties, said: “It’s a real "
        "prob\u00adlem.”\n"
    )
    article.write_text(text, encoding="utf-8")
    result = run_reader("quotes", str(article), "--library", str(tmp_path), "--json")
    found = json.loads(result.stdout)
    quotes = found if isinstance(found, list) else found["quotes"]
    speakers = [q["speaker"] for q in quotes]
    assert speakers[0] == "Peter Courtney"  # not the paper that carried his words
    assert "Tuesday" not in speakers  # a day names no one
    assert speakers[-1] == "Frank Luntz"
    for quote in quotes:  # each span the file's own, soft hyphens kept
        assert text[quote["start"] : quote["end"]] == quote["quote"]
    assert quotes[-1]["quote"] == "It’s a real prob\u00adlem."


LONG = "y" * 300  # a name over the 255 bytes a file name may hold on most file systems


@pytest.mark.parametrize(
    "args",
    [
        ["export", "-f", "json", "-o", f"{LONG}.json"],
        ["export", "-f", "qdpx", "-o", f"{LONG}/x.qdpx"],
        ["follow", "--export", f"{LONG}.opml"],
        ["add", f"{LONG}.txt"],
        ["quotes", f"{LONG}.txt"],
        ["list", "--db", f"{LONG}.json"],
        ["list", "--db", f"{LONG}/reader.json"],
        ["list", "--library", LONG],
    ],
    ids=["export", "export-folder", "follow-export", "add", "quotes", "db", "db-folder", "library"],
)
def test_a_name_too_long_for_the_file_system_is_one_line(
    library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    # Path.exists() and is_dir() raise ENAMETOOLONG instead of answering: a traceback
    from reader.cli.main import main

    monkeypatch.chdir(tmp_path)
    status = main(args if "--library" in args else [*args, "--library", str(library)])
    err = capsys.readouterr().err
    assert status in (1, 2)
    assert err.count("\n") == 1 and err.startswith("reader"), err
    assert LONG in err and "Traceback" not in err


def test_a_line_break_in_an_export_s_name_never_makes_a_second_line(
    tagged_library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reader.cli.main import main

    monkeypatch.chdir(tmp_path)
    options = ["--library", str(tagged_library)]
    assert main(["export", "-f", "json", "-o", "evil\n  9  forged.json", *options]) == 0
    assert main(["import", "evil\n  9  forged.json", *options]) == 0
    assert main(["follow", "--export", "evil\n  9  forged.opml", *options]) == 0
    said = capsys.readouterr()
    lines = [*said.out.splitlines(), *said.err.splitlines()]
    assert len(lines) == 3 and all("evil\\n  9  forged." in line for line in lines), lines


def test_an_add_error_about_a_huge_name_is_one_short_line(tmp_path: Path) -> None:
    # A pasted megabyte came back whole in the error (helper 186); the command line gets
    # the same bound as the app: the start of the name, then the reason.
    huge = "x" * 100_000
    result = run_reader("add", huge, "--library", str(tmp_path))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and len(lines[0]) <= 450, lines[0][:200]
    assert "xxxxxxxx" in lines[0][:40] and "give" in lines[0]
    assert "Traceback" not in result.stderr


def test_quotes_offer_no_speaker_for_a_short_phrase_no_words_attribute(tmp_path: Path) -> None:
    # `reader quotes --json`, as a shell runs it: a phrase of five words or fewer that no
    # words give to anyone is listed with no speaker; the quotation with its cue keeps one
    article = _plain_article(
        tmp_path / "pentagon.txt",
        "Supply chains at risk",
        "“A large number of materials are at risk of becoming unavailable,” according to "
        'findings by a "tiger team" that Undersecretary of Defense Frank Kendall chartered.',
        "“Not this year,” said Tom Ray, a councillor.",
    )
    result = run_reader("quotes", str(article), "--json", "--library", str(tmp_path))
    assert result.returncode == 0, result.stderr
    speakers = {row["quote"]: row["speaker"] for row in json.loads(result.stdout)}
    assert speakers.get("tiger team") is None
    assert speakers["Not this year,"] == "Tom Ray"


def test_inside_a_library_the_current_folder_is_the_default(tagged_library: Path) -> None:
    """`cd alice && reader import ../bob/reader.json` merged into a library in the user data
    folder, saying only "imported 5 annotations": the folder holding a reader.json is the
    library when none is named."""
    assert (tagged_library / "reader.json").is_file()
    inside = run_reader("list", "--json", cwd=tagged_library)
    assert inside.returncode == 0, inside.stderr
    assert len(json.loads(inside.stdout)) == 4


def test_list_says_what_an_article_edited_on_disk_changed(tagged_library: Path) -> None:
    """`reader list` after an article was edited moved its annotations onto the new words
    and saved them without a word, and the app, opened later, had nothing left to say (a
    newcomer's finding): it names the article and the quotation now read differently."""
    article = tagged_library / "ice-canada-offices.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("exclusively to assist", "only to assist"), encoding="utf-8")
    listed = run_reader("list", str(tagged_library))
    assert listed.returncode == 0
    assert "ice-canada-offices.txt has changed: its annotations follow the new text" in (
        listed.stderr
    )
    assert "now reads differently: Doug King: “Their authority" in listed.stderr
    assert "only to assist" in listed.stderr


def test_an_empty_output_name_and_the_librarys_own_database_are_said_whole(
    tagged_library: Path,
) -> None:
    """`export -o ''` wrote to standard output (and outside a library made one), and an
    import of the library's own database said "name the other copy's" and stopped (a
    tester's findings)."""
    where = ("--library", str(tagged_library))
    empty = run_reader("export", *where, "-o", "")
    assert empty.returncode == 2 and empty.stdout == ""
    assert "-o needs a file name" in empty.stderr
    own = run_reader("import", str(tagged_library / "reader.json"), *where)
    assert own.returncode == 1 and "name the other coder's copy of reader.json" in own.stderr


def test_quotes_by_a_name_two_files_share_but_for_case_takes_the_one_named(
    tmp_path: Path,
) -> None:
    # "case.txt" beside "Case.txt" printed Case.txt's quotations (an attack's finding)
    library = tmp_path / "library"
    library.mkdir()
    (library / "Case.txt").write_text("Upper\n\n“One,” said Ann Lee.\n", encoding="utf-8")
    (library / "case.txt").write_text("Lower\n\n“Two,” said Bo Chen.\n", encoding="utf-8")
    lib = ("--library", str(library))
    lower = run_reader("quotes", "case.txt", *lib, cwd=tmp_path)
    assert lower.returncode == 0 and "Bo Chen" in lower.stdout, lower.stdout + lower.stderr
    assert "Ann Lee" in run_reader("quotes", "Case", *lib, cwd=tmp_path).stdout
    either = run_reader("quotes", "CASE.txt", *lib, cwd=tmp_path)
    assert either.returncode != 0 and "matches 2 articles" in either.stderr


def test_quotes_by_a_name_two_articles_share_names_their_paths(tmp_path: Path) -> None:
    # "report" took report.md over report.txt without a word, and "story.txt" of two in
    # different folders said "(story.txt, story.txt)" (an attack's finding)
    library = tmp_path / "library"
    (library / "a").mkdir(parents=True)
    for name in ("report.md", "report.txt", "story.txt", "a/story.txt"):
        (library / name).write_text(f"{name}\n\n“Yes,” said Ann Lee.\n", encoding="utf-8")
    lib = ("--library", str(library))
    both = run_reader("quotes", "report", *lib, cwd=tmp_path)
    assert both.returncode != 0 and "report.md, report.txt" in both.stderr, both.stderr
    stories = run_reader("quotes", "story", *lib, cwd=tmp_path)
    assert stories.returncode != 0 and "a/story.txt" in stories.stderr, stories.stderr
    assert run_reader("quotes", "a/story.txt", *lib, cwd=tmp_path).returncode == 0


def test_search_reads_a_database_whose_article_ids_run_to_two_to_the_fifty_three(
    tagged_library: Path,
) -> None:
    # An article id past 2**31 (a database accepts up to 2**53 - 1: a crafted or merged
    # one) ended every search in a traceback: the titles' index held article ids in 32 bits
    # (stop 77's attacker). Titles are indexed by their place among the titled now.
    import json

    path = tagged_library / "reader.json"
    database = json.loads(path.read_text(encoding="utf-8"))
    big = 2**53 - 1
    article = next(iter(database["articles"].values()))
    old_id = article["id"]
    article["id"] = big
    for annotation in database["annotations"].values():
        if annotation["article_id"] == old_id:
            annotation["article_id"] = big
    path.write_text(json.dumps(database), encoding="utf-8")
    title_word = article["title"].split()[0]
    result = run_reader("search", "--library", str(tagged_library), title_word)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.strip(), "the article's annotations are found by its title"
