"""Obsidian notes written again: Reader replaces its own part of a note and nothing else.

The part is found by its marks as whole lines outside the front matter and fenced code,
once each; its start names the article, so a note never takes another article's quotes; a
note with no part Reader may replace (the user's own, marks broken by hand, a link, a
read-only note) is named with why, and replaced only when the user says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.interchange.markdown import (
    READER_PART_END,
    READER_PART_START,
    part_start,
    reader_part,
)
from reader.interchange.output import NotesInTheWay, write_notes

ALICE, BOB = "a" * 12, "b" * 12


def note(key: str, quote: str, title: str = "Budget vote") -> str:
    return (
        f'---\ntitle: "{title}"\ntags: [reader]\n---\n\n{part_start(key)}\n\n'
        f"# {title}\n\n> {quote}\n\n{READER_PART_END}\n"
    )


def test_a_title_holding_a_mark_never_moves_the_part(tmp_path: Path) -> None:
    """A page titled with Reader's start mark put the mark in the front matter, and the
    next export dropped what the user wrote above the part (an attack's finding)."""
    crafted = f"Council vote {part_start(ALICE)}"
    first = note(ALICE, "Old quote.", title=crafted)
    write_notes({"Council vote.md": first}, tmp_path)
    path = tmp_path / "Council vote.md"
    mine = first.replace("tags: [reader]", "tags: [reader]\naliases: [vote]").replace(
        f"\n{part_start(ALICE)}\n\n#",
        f"\nMY NOTES ABOVE, hours of work.\n\n{part_start(ALICE)}\n\n#",
    )
    path.write_text(mine, encoding="utf-8")
    write_notes({"Council vote.md": note(ALICE, "New quote.", title=crafted)}, tmp_path)
    again = path.read_text(encoding="utf-8")
    assert "MY NOTES ABOVE, hours of work." in again and "aliases: [vote]" in again
    assert "New quote." in again and "Old quote." not in again


@pytest.mark.parametrize(
    ("broken", "why"),
    [
        (lambda t: t.replace(READER_PART_END + "\n", ""), "1 start and 0 end marks"),
        (lambda t: t + f"\n```\n{READER_PART_END}\n```\n{READER_PART_END}\n", "1 start and 2 end"),
        (lambda t: t.replace(part_start(ALICE), "x"), "0 start and 1 end marks"),
        (lambda t: "My own note on the vote.\n", "holds no part of Reader's"),
    ],
)
def test_a_note_without_one_part_of_readers_is_named_and_kept(
    tmp_path: Path,
    broken,
    why: str,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "Budget vote.md"
    path.write_text(broken(note(ALICE, "Old quote.")) + "\nMine.\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(NotesInTheWay) as refused:
        write_notes({"Budget vote.md": note(ALICE, "New quote.")}, tmp_path)
    assert why in str(refused.value) and "Budget vote.md" in str(refused.value)
    assert path.read_bytes() == before
    write_notes({"Budget vote.md": note(ALICE, "New quote.")}, tmp_path, force=True)
    assert "New quote." in path.read_text(encoding="utf-8")


def test_marks_quoted_in_fenced_code_are_examples_not_the_part(tmp_path: Path) -> None:
    example = f"How Reader marks its part:\n\n```\n{part_start(ALICE)}\n{READER_PART_END}\n```\n\n"
    path = tmp_path / "Budget vote.md"
    text = note(ALICE, "Old quote.").replace("---\n\n", "---\n\n" + example, 1)
    path.write_text(text, encoding="utf-8")
    write_notes({"Budget vote.md": note(ALICE, "New quote.")}, tmp_path)
    again = path.read_text(encoding="utf-8")
    assert example in again and "New quote." in again and "Old quote." not in again


def test_bytes_that_are_no_utf8_around_the_part_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "Budget vote.md"
    path.write_bytes(note(ALICE, "Old quote.").encode() + b"\nMy notes: caf\xe9\n")
    write_notes({"Budget vote.md": note(ALICE, "New quote.")}, tmp_path)
    again = path.read_bytes()
    assert again.endswith(b"\nMy notes: caf\xe9\n") and b"New quote." in again


def test_a_note_of_an_earlier_reader_is_still_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "Budget vote.md"
    path.write_text(
        note(ALICE, "Old quote.").replace(part_start(ALICE), READER_PART_START) + "Mine.\n",
        encoding="utf-8",
    )
    write_notes({"Budget vote.md": note(ALICE, "New quote.")}, tmp_path)
    again = path.read_text(encoding="utf-8")
    assert "New quote." in again and again.endswith("Mine.\n")
    assert isinstance(reader_part(again), object) and part_start(ALICE) in again


def test_same_titled_articles_keep_their_own_notes_whatever_the_order(tmp_path: Path) -> None:
    """Two articles of one title are "Budget vote" and "Budget vote 2" in export order; a
    later export of the second alone put its quotes into the first one's note, beside the
    notes written on the first (an attack's finding)."""
    write_notes(
        {"Budget vote.md": note(BOB, "Bob's."), "Budget vote 2.md": note(ALICE, "Alice's.")},
        tmp_path,
    )
    bob = tmp_path / "Budget vote.md"
    bob.write_text(bob.read_text(encoding="utf-8") + "My notes on BOB.\n", encoding="utf-8")
    write_notes({"Budget vote.md": note(ALICE, "Alice's again.")}, tmp_path)  # alice alone
    assert "Bob's." in bob.read_text(encoding="utf-8")
    assert "My notes on BOB." in bob.read_text(encoding="utf-8")
    assert "Alice's again." in (tmp_path / "Budget vote 2.md").read_text(encoding="utf-8")
    # both again, in the other order: each to its own
    write_notes(
        {"Budget vote.md": note(ALICE, "A3."), "Budget vote 2.md": note(BOB, "B3.")}, tmp_path
    )
    assert "B3." in bob.read_text(encoding="utf-8") and "My notes on BOB." in bob.read_text(
        encoding="utf-8"
    )
    assert "A3." in (tmp_path / "Budget vote 2.md").read_text(encoding="utf-8")
    # a third article of that title: a new number, no note replaced
    write_notes({"Budget vote.md": note("c" * 12, "Cia's.")}, tmp_path)
    assert "Cia's." in (tmp_path / "Budget vote 3.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.glob("*.md")) == [
        "Budget vote 2.md",
        "Budget vote 3.md",
        "Budget vote.md",
    ]


def test_a_note_keeps_its_mode_and_a_link_or_read_only_note_is_in_the_way(tmp_path: Path) -> None:
    path = tmp_path / "Budget vote.md"
    write_notes({"Budget vote.md": note(ALICE, "Old quote.")}, tmp_path)
    os.chmod(path, 0o600)
    write_notes({"Budget vote.md": note(ALICE, "New quote.")}, tmp_path)
    assert (path.stat().st_mode & 0o777) == 0o600 and "New quote." in path.read_text()
    os.chmod(path, 0o444)
    with pytest.raises(NotesInTheWay, match="is read-only"):
        write_notes({"Budget vote.md": note(ALICE, "Newer.")}, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real = elsewhere / "real.md"
    real.write_text(note(ALICE, "Linked."), encoding="utf-8")
    linked = tmp_path / "vault"
    linked.mkdir()
    (linked / "Budget vote.md").symlink_to(real)
    with pytest.raises(NotesInTheWay, match="is a link"):
        write_notes({"Budget vote.md": note(ALICE, "Newer.")}, linked)
    assert "Linked." in real.read_text(encoding="utf-8")


def legacy(quote: str, url: str, title: str = "Budget vote") -> str:
    """A note as a Reader before parts named articles wrote it."""
    return (
        f'---\ntitle: "{title}"\nurl: "{url}"\ntags: [reader]\n---\n\n{READER_PART_START}\n\n'
        f"# {title}\n\n> {quote}\n\n{READER_PART_END}\n"
    )


def keyed(key: str, quote: str, url: str) -> str:
    return note(key, quote).replace("tags: [reader]", f'url: "{url}"\ntags: [reader]', 1)


def test_notes_of_an_earlier_reader_are_told_apart_by_their_address(tmp_path: Path) -> None:
    """Two articles of one title in notes an earlier Reader wrote: a filtered export put
    the second's quotes into the first's note, and its start line then named the second
    for good (an attack on this stop's change)."""
    (tmp_path / "Budget vote.md").write_text(legacy("Mayor's.", "https://a/1") + "Mine on 1.\n")
    (tmp_path / "Budget vote 2.md").write_text(legacy("Closure.", "https://a/2") + "Mine on 2.\n")
    write_notes({"Budget vote.md": keyed(BOB, "Closure again.", "https://a/2")}, tmp_path)
    first = (tmp_path / "Budget vote.md").read_text()
    second = (tmp_path / "Budget vote 2.md").read_text()
    assert "Mayor's." in first and "Mine on 1." in first
    assert "Closure again." in second and "Mine on 2." in second


def test_a_name_left_free_is_not_taken_from_the_articles_own_note(tmp_path: Path) -> None:
    """A filtered export, then a full one: the article whose note was "Budget vote.md"
    got a new "Budget vote 2.md", and the note written in went stale."""
    write_notes({"Budget vote.md": note(BOB, "Bob's.")}, tmp_path)  # (bob's alone, filtered)
    bob = tmp_path / "Budget vote.md"
    bob.write_text(bob.read_text() + "Mine on Bob.\n")
    # the full export names alice's article first: "Budget vote.md" is hers by order
    write_notes(
        {"Budget vote.md": note(ALICE, "Alice's."), "Budget vote 2.md": note(BOB, "B2.")}, tmp_path
    )
    assert "B2." in bob.read_text() and "Mine on Bob." in bob.read_text()
    assert "Alice's." in (tmp_path / "Budget vote 2.md").read_text()
    assert len(list(tmp_path.glob("*.md"))) == 2


def test_names_in_two_spellings_are_in_the_way_not_taken_for_one(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "Budget vote.md").write_text(note(ALICE, "Old.") + "MINE-A\n")
    (folder / "budget VOTE.md").write_text("My own note.\n")
    if len(list(folder.iterdir())) < 2:
        pytest.skip("this file system takes the two spellings for one name")
    write_notes({"Budget vote.md": note(ALICE, "New.")}, folder)  # (the exact spelling)
    assert "MINE-A" in (folder / "Budget vote.md").read_text()
    with pytest.raises(NotesInTheWay, match="2 spellings"):
        write_notes({"BUDGET vote.md": note(ALICE, "New.")}, folder)


def test_a_fence_is_closed_only_by_marks_of_its_kind(tmp_path: Path) -> None:
    example = "~~~\n```python\nprint(1)\n~~~\n\n"
    path = tmp_path / "Budget vote.md"
    path.write_text(note(ALICE, "Old.").replace("---\n\n", "---\n\n" + example, 1))
    write_notes({"Budget vote.md": note(ALICE, "New.")}, tmp_path)
    again = path.read_text()
    assert example in again and "New." in again and "Old." not in again


def test_an_articles_key_stays_when_its_file_is_renamed() -> None:
    """The key was made from the article's file: renamed, the article got a new note and
    the one written in went stale (an attack on this stop's change)."""
    from reader.core.records import ArticleRecord
    from reader.interchange.markdown import article_key
    from reader.interchange.selection import ExportArticle

    def article(path: str) -> ExportArticle:
        return ExportArticle(ArticleRecord(id=5, path=path, title="T", sha256="x"), "", "")

    assert article_key(article("budget-vote.md")) == article_key(article("2026-budget-vote.md"))


def test_the_note_read_is_the_note_written_whatever_the_listing_order(tmp_path: Path) -> None:
    """On a disk that tells case apart, "Vote 2.md" (the user's own) listed before "vote
    2.md" (Reader's) was the one a filtered export replaced (an attack's finding)."""
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "vote.md").write_text(note(ALICE, "A1.", "vote"))
    (folder / "vote 2.md").write_text(note(BOB, "B1.", "vote") + "Mine on B.\n")
    (folder / "Vote 2.md").write_text("MY OWN PRECIOUS NOTE\n")
    if len(list(folder.iterdir())) < 3:
        pytest.skip("this file system takes the two spellings for one name")
    write_notes({"vote.md": note(BOB, "B2.", "vote")}, folder)  # (bob's article alone)
    assert (folder / "Vote 2.md").read_text() == "MY OWN PRECIOUS NOTE\n"
    assert "B2." in (folder / "vote 2.md").read_text()


@pytest.mark.parametrize("style", ["unquoted", "crlf"])
def test_an_earlier_readers_address_is_read_however_the_front_matter_is_written(
    tmp_path: Path, style: str
) -> None:
    def written(text: str) -> str:
        if style == "unquoted":
            return text.replace('url: "https://a/1"', "url: https://a/1").replace(
                'url: "https://a/2"', "url: https://a/2"
            )
        return text.replace("\n", "\r\n")

    (tmp_path / "Budget vote.md").write_bytes(
        written(legacy("Mayor's.", "https://a/1") + "Mine on 1.\n").encode()
    )
    (tmp_path / "Budget vote 2.md").write_bytes(
        written(legacy("Closure.", "https://a/2") + "Mine on 2.\n").encode()
    )
    write_notes({"Budget vote.md": keyed(BOB, "Closure again.", "https://a/2")}, tmp_path)
    first = (tmp_path / "Budget vote.md").read_bytes().decode()
    second = (tmp_path / "Budget vote 2.md").read_bytes().decode()
    assert "Mayor's." in first and "Mine on 1." in first
    assert "Closure again." in second and "Mine on 2." in second


def test_a_title_changed_since_still_finds_the_articles_note(tmp_path: Path) -> None:
    write_notes({"Budget vote.md": note(ALICE, "Old.")}, tmp_path)
    old = tmp_path / "Budget vote.md"
    old.write_text(old.read_text() + "Mine.\n")
    write_notes({"Budget vote passes.md": note(ALICE, "New.", "Budget vote passes")}, tmp_path)
    assert [p.name for p in tmp_path.glob("*.md")] == ["Budget vote.md"]
    assert "New." in old.read_text() and old.read_text().endswith("Mine.\n")


def test_two_libraries_first_articles_have_their_own_notes() -> None:
    from reader.core.records import ArticleRecord
    from reader.interchange.markdown import article_key
    from reader.interchange.selection import ExportArticle

    def first(added: str) -> ExportArticle:
        record = ArticleRecord(id=1, path="live.md", title="Live updates", sha256="x", added=added)
        return ExportArticle(record, "", "")

    assert article_key(first("2026-03-01T10:00:00Z")) != article_key(first("2026-04-02T08:00:00Z"))


def test_new_notes_are_synced_to_disk_once_a_replaced_one_before_it_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each of 603 notes was written and synced on its own: 1,206 syncs, 3.5 s of a 5 s export
    # (a big library's finding); a note it replaces, perhaps edited by hand, is still synced
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    notes = {f"Note {n}.md": f"text {n}\n" for n in range(50)}
    assert write_notes(notes, tmp_path) == 50
    assert len(synced) <= 2, len(synced)
    assert (tmp_path / "Note 7.md").read_text(encoding="utf-8") == "text 7\n"
    synced.clear()
    write_notes({"Note 7.md": "new text\n"}, tmp_path, force=True)
    assert len(synced) >= 1 and (tmp_path / "Note 7.md").read_text(encoding="utf-8") == "new text\n"
