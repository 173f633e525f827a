"""Merging two coders' databases: every annotation of both kept, nothing twice, and a
second merge changes nothing; the same id with different content settled by the rule."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.merge_rule import copy_id, resolve, same_content, stays_deleted
from reader.core.records import Annotation, ArticleRecord
from reader.storage.merging import MergeError, merge_files, merge_tables, read_database
from reader.storage.tables import Tables

ICE = ArticleRecord(id=1, path="ice.txt", title="ICE", sha256="aa")
WAR = ArticleRecord(id=2, path="warhol.txt", title="Warhol", sha256="bb")


def note(
    key: str, coder: str, theme: str = "t", updated: str = "2026-01-01T00:00:00+00:00", article=1
) -> Annotation:  # type: ignore[no-untyped-def]
    return Annotation(
        id=key,
        article_id=article,
        start=0,
        end=5,
        quote="hello",
        themes=(theme,),
        coder=coder,
        created="2026-01-01T00:00:00+00:00",
        updated=updated,
    )


def tables(*annotations: Annotation, articles=(ICE, WAR), deleted=None) -> Tables:  # type: ignore[no-untyped-def]
    return Tables(
        meta={"schema": 6, "next_article_id": 3},
        articles={a.id: a for a in articles},
        annotations={a.id: a for a in annotations},
        deleted=dict(deleted or {}),
    )


def test_the_newer_version_keeps_the_id_and_another_coders_is_kept_beside() -> None:
    mine = note("x", "alice", "safety")
    theirs = note("x", "bob", "policing", updated="2026-02-01T00:00:00+00:00")
    winner, kept = resolve(mine, theirs)
    assert winner is theirs
    assert kept is not None and kept.id == copy_id(mine) and kept.themes == ("safety",)


def test_the_same_coders_later_edit_supersedes_the_earlier() -> None:
    old = note("x", "alice", "safety")
    new = note("x", "alice", "policing", updated="2026-02-01T00:00:00+00:00")
    assert resolve(old, new) == (new, None)
    assert resolve(new, old) == (new, None)


@pytest.mark.parametrize(
    "stamp",
    ["zzzz", "", "9999-12-31T23:59:59+00:00", "not a time at all"],
)
def test_a_time_that_is_no_time_or_far_ahead_never_wins(stamp: str) -> None:
    # a crafted file dated "zzzz" (which sorts after any real date) or in the year 9999
    # would supersede the user's annotation at every merge, and drop it when the coder
    # is the same
    mine = note("x", "alice", "safety")
    forged = note("x", "alice", "hijacked", updated=stamp)
    assert resolve(mine, forged) == (mine, None)
    assert resolve(forged, mine) == (mine, None)


def test_times_are_compared_as_moments_not_as_text() -> None:
    earlier = note("x", "alice", "safety", updated="2026-02-01T10:00:00+02:00")  # 08:00 UTC
    later = note("x", "alice", "policing", updated="2026-02-01T09:00:00+00:00")
    assert resolve(earlier, later) == (later, None)
    assert resolve(later, earlier) == (later, None)


def test_a_change_of_coder_name_only_keeps_no_copy() -> None:
    old = note("x", "")
    renamed = msgspec.structs.replace(old, coder="alice", updated="2026-03-01T00:00:00+00:00")
    assert resolve(old, renamed) == (renamed, None)


def test_articles_are_matched_by_text_and_new_ones_get_new_ids() -> None:
    ours = tables(note("a", "alice"), articles=(ICE,))
    moved = ArticleRecord(id=7, path="elsewhere/ice.txt", title="ICE", sha256="aa")
    new = ArticleRecord(id=1, path="new.txt", title="New", sha256="cc")
    theirs = tables(note("b", "bob", article=7), note("c", "bob", article=1), articles=(moved, new))
    merged, report = merge_tables(ours, theirs)
    assert merged.annotations["b"].article_id == 1  # the same text: our ICE
    assert merged.annotations["c"].article_id == 3  # their new article, under an id never used
    assert merged.articles[3].path == "new.txt"
    assert report.articles == 1 and report.added == 2
    assert merged.meta["next_article_id"] == 4


def test_three_way_merge_takes_one_sides_change_and_deletion() -> None:
    base = tables(note("x", "alice"), note("y", "alice"))
    ours = tables(note("x", "alice"), note("y", "alice"))
    changed = note("x", "alice", "policing", updated="2026-02-01T00:00:00+00:00")
    theirs = tables(changed)  # they changed x and deleted y
    merged, report = merge_tables(ours, theirs, base)
    assert merged.annotations == {"x": changed}
    assert (report.changed, report.deleted) == (1, 1)


def test_three_way_merge_keeps_what_one_side_changed_and_the_other_deleted() -> None:
    base = tables(note("x", "alice"))
    changed = note("x", "alice", "policing", updated="2026-02-01T00:00:00+00:00")
    merged, _ = merge_tables(tables(changed), tables(), base)
    assert merged.annotations == {"x": changed}


JAN, FEB, MAR = (f"2026-0{m}-01T00:00:00+00:00" for m in (1, 2, 3))


@pytest.mark.parametrize(
    ("deleted_at", "updated", "stays"),
    [
        (None, JAN, False),  # never deleted
        (FEB, JAN, True),  # deleted after this version was made
        (FEB, FEB, True),  # in the same second
        (FEB, MAR, False),  # changed after the deletion (another coder's later edit)
        (FEB, "", True),  # a version with no time is the oldest
        ("9999-12-31T23:59:59+00:00", JAN, False),  # a date far ahead deletes nothing
        ("not a time", JAN, False),
    ],
)
def test_a_deleted_id_stays_deleted_unless_changed_after(
    deleted_at: str | None, updated: str, stays: bool
) -> None:
    assert stays_deleted(deleted_at, updated) is stays


def test_a_merge_keeps_either_sides_deletion_of_an_older_version() -> None:
    # no common ancestor (two coders who imported each other's files): we deleted x in
    # February, they still hold January's x; they deleted y in February, we hold January's
    # y; z was deleted by us but they edited it in March: theirs comes back
    edited_z = note("z", "bob", "policing", updated=MAR)
    ours = tables(note("y", "alice"), deleted={"x": FEB, "z": FEB})
    theirs = tables(note("x", "alice"), edited_z, deleted={"y": FEB})
    merged, report = merge_tables(ours, theirs)
    assert merged.annotations == {"z": edited_z}
    assert merged.deleted == {"x": FEB, "y": FEB}  # z is back: no longer deleted
    assert (report.added, report.deleted) == (1, 1)
    again, _ = merge_tables(merged, theirs)
    assert again.annotations == merged.annotations and again.deleted == merged.deleted


def test_the_summary_says_when_a_change_of_theirs_is_left_out_as_deleted_after_it() -> None:
    """Alice edited bob's annotation in January (it became hers); bob deleted it in
    February. Bob's pull dropped her coding by the rule, and its summary said nothing of
    it (a newcomer's finding)."""
    old = note("x", "bob")
    base = tables(old)
    hers = note("x", "alice", "propaganda", updated="2026-01-15T00:00:00+00:00")
    ours = tables(deleted={"x": FEB})
    merged, report = merge_tables(ours, tables(hers), base)
    assert merged.annotations == {} and report.stayed_deleted == 1
    assert "1 of theirs left out (deleted after their version)" in report.summary()
    unchanged, quiet = merge_tables(ours, tables(old), base)  # (theirs unchanged: no news)
    assert unchanged.annotations == {} and quiet.stayed_deleted == 0


codings = st.lists(
    st.tuples(
        st.sampled_from(["k1", "k2", "k3", "k4"]),
        st.sampled_from(["alice", "bob", ""]),
        st.sampled_from(["safety", "policing"]),
        st.sampled_from(["2026-01-01T00:00:00+00:00", "2026-02-01T00:00:00+00:00"]),
        st.sampled_from([1, 2]),
    ),
    max_size=6,
    unique_by=lambda c: c[0],
)


def _side(rows) -> Tables:  # type: ignore[no-untyped-def]
    return tables(*(note(k, c, t, u, a) for k, c, t, u, a in rows))


def _held(merged: Tables, annotation: Annotation) -> bool:
    """The annotation is there, or its id holds a newer version that supersedes it."""
    there = merged.annotations.get(annotation.id)
    if there is not None and same_content(there, annotation):
        return True
    if copy_id(annotation) in merged.annotations:
        return True
    return there is not None and resolve(there, annotation) == (there, None)


@given(codings, codings)
def test_a_merge_holds_every_annotation_of_both(mine, theirs) -> None:  # type: ignore[no-untyped-def]
    ours, other = _side(mine), _side(theirs)
    merged, _ = merge_tables(ours, other)
    for annotation in [*ours.annotations.values(), *other.annotations.values()]:
        assert _held(merged, annotation)


@given(codings, codings)
def test_merging_twice_changes_nothing(mine, theirs) -> None:  # type: ignore[no-untyped-def]
    once, _ = merge_tables(_side(mine), _side(theirs))
    twice, report = merge_tables(once, _side(theirs))
    assert twice.annotations == once.annotations
    assert (report.added, report.changed, report.copies) == (0, 0, 0)


@given(codings, codings)
def test_both_coders_end_with_the_same_annotations_after_merging_each_way(mine, theirs) -> None:  # type: ignore[no-untyped-def]
    ours, other = _side(mine), _side(theirs)
    mine_merged, _ = merge_tables(ours, other)
    theirs_merged, _ = merge_tables(other, mine_merged)
    assert theirs_merged.annotations == mine_merged.annotations


def test_a_damaged_database_is_refused_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "reader.json"
    bad.write_text('{"meta": {"1": {"schema": 5}}, "annotations": {"1": {"id": 3}}}')
    with pytest.raises(MergeError) as refused:
        read_database(bad)
    assert str(bad) in str(refused.value) and "\n" not in str(refused.value)
    out = tmp_path / "out.json"
    out.write_text("ours")
    with pytest.raises(MergeError):
        merge_files(None, bad, bad, out)
    assert out.read_text() == "ours"  # left as it was


def test_a_side_whose_annotations_name_an_article_it_lacks_is_not_merged(tmp_path: Path) -> None:
    base = tables(note("a", "ann"), note("b", "ann"), note("c", "ann", article=2))
    ours = tables(note("a", "ann"), note("b", "ann"), note("c", "ann", "new", article=2))
    theirs = tables(note("a", "ann"), note("b", "ann"), note("c", "ann", article=2), articles=[WAR])
    paths = {}
    for name, table in (("base", base), ("ours", ours), ("theirs", theirs)):
        paths[name] = tmp_path / f"{name}.json"
        paths[name].write_bytes(b"".join(table.file_chunks()))
    before = paths["ours"].read_bytes()
    with pytest.raises(MergeError) as refused:  # (merged, "a" and "b" read as theirs deleted)
        merge_files(paths["base"], paths["ours"], paths["theirs"], paths["ours"])
    assert "theirs.json: 2 annotations name an article" in str(refused.value)
    assert paths["ours"].read_bytes() == before


@pytest.mark.parametrize("squatter_first", [True, False])
def test_a_record_under_the_id_ours_would_be_kept_under_never_takes_its_place(
    squatter_first: bool,
) -> None:
    # The copy id is made from content the teammate has: their file can hold a record of
    # its own there. Ours, kept beside their newer coding, went missing.
    mine = note("x", "ann", "safety")
    theirs = note("x", "bob", "policing", updated="2026-02-01T00:00:00+00:00")
    squatter = msgspec.structs.replace(note("y", "bob", "other"), id=copy_id(mine))
    incoming = (squatter, theirs) if squatter_first else (theirs, squatter)
    merged, _ = merge_tables(tables(mine), tables(*incoming))
    kept = [a for a in merged.annotations.values() if a.coder == "ann"]
    assert [a.themes for a in kept] == [("safety",)]
    assert squatter.id in merged.annotations and merged.annotations["x"].themes == ("policing",)
    again, _ = merge_tables(merged, tables(*incoming))
    assert again.annotations == merged.annotations  # (the same place at a second merge)


def test_a_copy_dated_no_time_or_orphaned_by_them_changes_nothing_of_ours() -> None:
    mine = note("x", "ann", "safety")
    forged = msgspec.structs.replace(mine, updated="zzzz")
    orphaned = msgspec.structs.replace(mine, updated="2026-02-01T00:00:00+00:00", orphaned=True)
    merged, _ = merge_tables(tables(mine), tables(forged))
    assert merged.annotations["x"].updated == mine.updated  # ("zzzz" is no later time)
    merged, _ = merge_tables(tables(mine), tables(orphaned))
    assert merged.annotations["x"].orphaned is False  # (whether it is placed follows our text)


def test_one_coders_changes_of_different_fields_both_stay_in_a_three_way_merge() -> None:
    """alice wrote a note on her copy; on his, bob renamed the theme in the codebook (a
    rename keeps the coder): the later version had superseded the other whole, and the
    note went without a word (a team's finding). With the common version, both stay."""
    base = tables(note("x", "alice", "transit/fares"))
    noted = msgspec.structs.replace(
        note("x", "alice", "transit/fares", updated="2026-02-01T10:00:00+00:00"),
        note="checked against the video",
    )
    renamed = note("x", "alice", "mobility/fares", updated="2026-02-01T10:00:01+00:00")
    for ours, theirs in ((noted, renamed), (renamed, noted)):
        merged, _ = merge_tables(tables(ours), tables(theirs), base)
        [x] = merged.annotations.values()
        assert (x.themes, x.note) == (("mobility/fares",), "checked against the video")
        assert x.updated == "2026-02-01T10:00:01+00:00"
    # the same field changed two ways: the later version, as before
    other_note = msgspec.structs.replace(renamed, note="another note")
    merged, _ = merge_tables(tables(noted), tables(other_note), base)
    assert [a.note for a in merged.annotations.values()] == ["another note"]


def test_a_settled_disagreement_stays_settled_beside_a_later_note_on_the_other_copy() -> None:
    """alice settled bob's coding in comparison mode (his themes made hers, her note with
    them); bob later wrote a note of his own on his copy: the merge driver took bob's later
    version whole and the settled themes went back (a newcomer team's finding). Themes only
    alice changed stay hers; the note both changed is the later one."""
    base = tables(note("x", "bob", "ecology"))
    settled = msgspec.structs.replace(
        note("x", "bob", "ecology", updated="2026-02-01T10:00:00+00:00"),
        themes=("ecology", "science"),
        note="alice: both themes apply",
    )
    his = msgspec.structs.replace(
        note("x", "bob", "ecology", updated="2026-02-01T11:00:00+00:00"), note="bob: recheck"
    )
    for ours, theirs in ((settled, his), (his, settled)):
        merged, _ = merge_tables(tables(ours), tables(theirs), base)
        [x] = merged.annotations.values()
        assert (x.themes, x.note) == (("ecology", "science"), "bob: recheck")
        assert x.updated == "2026-02-01T11:00:00+00:00"


def test_a_rename_on_one_copy_and_a_theme_added_on_the_other_both_stay() -> None:
    """Both changed the themes: one renamed "transit" to "public transit", the other added
    "budget" later; the later version had undone the rename unsaid (a second attack on this
    stop's mends). Themes merge as sets against the common version."""
    base = tables(note("x", "ann", "transit"))
    renamed = note("x", "ann", "public transit", updated="2026-02-01T10:00:00+00:00")
    added = msgspec.structs.replace(
        note("x", "ann", "transit", updated="2026-02-01T11:00:00+00:00"),
        themes=("transit", "budget"),
    )
    for ours, theirs in ((renamed, added), (added, renamed)):
        merged, _ = merge_tables(tables(ours), tables(theirs), base)
        [x] = merged.annotations.values()
        assert set(x.themes) == {"public transit", "budget"}


def test_a_coder_recoded_on_one_copy_and_a_note_on_the_other_is_one_annotation() -> None:
    """`reader recode ann "Ann Lee"` on one copy, a note on the other: taken for two
    coders, the merge kept two annotations (a second attack on this stop's mends)."""
    base = tables(note("x", "ann", "transit"))
    recoded = note("x", "Ann Lee", "transit", updated="2026-02-01T10:00:00+00:00")
    noted = msgspec.structs.replace(
        note("x", "ann", "transit", updated="2026-02-01T11:00:00+00:00"), note="later"
    )
    for ours, theirs in ((recoded, noted), (noted, recoded)):
        merged, _ = merge_tables(tables(ours), tables(theirs), base)
        [x] = merged.annotations.values()
        assert (x.coder, x.note) == ("Ann Lee", "later")


def test_a_description_one_side_changed_is_taken_and_one_both_changed_is_named() -> None:
    # a teammate's new description of a source was never taken when ours had one (ours
    # won whenever it was not empty), and two descriptions both changed went unsaid
    from reader.core.records import Source, Theme

    def coded(hahn: str, king: str, colour: str) -> Tables:
        book = tables(note("x", "alice"))
        book.sources = {
            "julie hahn": Source("Julie Hahn", hahn),
            "doug king": Source("Doug King", king),
        }
        book.themes = {"t": Theme("t", colour=colour, key=1)}
        return book

    base = coded("spokesperson", "officer", "red")
    ours = coded("Environment Canada spokesperson", "officer", "red")
    theirs = coded("EC spokesperson (Hahn)", "retired RCMP officer", "blue")
    merged, report = merge_tables(ours, theirs, base)
    assert merged.sources["doug king"].description == "retired RCMP officer"  # theirs alone
    assert merged.themes["t"].colour == "blue"
    assert merged.sources["julie hahn"].description == "Environment Canada spokesperson"
    assert report.codebook_conflicts == [
        "Julie Hahn's description “Environment Canada spokesperson”, theirs “EC spokesperson (Hahn)”"
    ]
    assert "1 codebook entry both sides changed, ours kept" in report.summary()


def test_the_codebook_merges_the_same_whichever_side_merges() -> None:
    # an attack on the three-way codebook: an entry alice deleted and bob changed was
    # dropped unsaid when alice merged and kept when bob did; bob's case-only rename and his
    # swap of two quick keys were lost when alice merged
    from reader.core.records import Source, Theme

    def book(sources: dict[str, Source], themes: dict[str, Theme]) -> Tables:
        coded = tables(note("x", "alice", theme="economy"))
        coded.sources, coded.themes = sources, themes
        return coded

    base = book(
        {"mayor": Source("Mayor", "old"), "doug king": Source("Doug King")},
        {
            "economy": Theme("economy", key=2),
            "housing": Theme("housing", description="old", key=3),
            "policing": Theme("Policing", key=4),
        },
    )
    alice = book(
        {"doug king": Source("Doug King")},  # Mayor deleted
        {"economy": Theme("economy", key=2), "policing": Theme("Policing", key=4)},
    )
    bob = book(
        {"mayor": Source("Mayor", "elected 2024"), "doug king": Source("doug king")},
        {
            "economy": Theme("economy", key=3),
            "housing": Theme("housing", description="new", key=2),
            "policing": Theme("policing", key=4),
        },
    )
    at_alice, _ = merge_tables(alice, bob, base)
    at_bob, _ = merge_tables(bob, alice, base)
    for merged in (at_alice, at_bob):
        assert merged.sources == {
            "mayor": Source("Mayor", "elected 2024"),
            "doug king": Source("doug king"),
        }
        assert {k: (t.name, t.key, t.description) for k, t in merged.themes.items()} == {
            "economy": ("economy", 3, ""),
            "housing": ("housing", 2, "new"),
            "policing": ("policing", 4, ""),
        }


def test_a_quick_key_both_sides_moved_a_theme_onto_keeps_the_other_moves_and_is_said() -> None:
    # alice moved economy to 7, bob crime to 7 and housing to 8: bob's move of housing was
    # thrown away with the clash, unsaid; and of a theme both added, theirs won (an attack)
    from reader.core.records import Theme

    def book(**keys: int) -> Tables:
        coded = tables(note("x", "alice", theme="economy"))
        coded.themes = {name: Theme(name, key=number) for name, number in keys.items()}
        return coded

    base = book(housing=1, economy=2, crime=3)
    alice = book(housing=1, economy=7, crime=3, new=4)
    bob = book(housing=8, economy=2, crime=7, new=5)
    merged, report = merge_tables(alice, bob, base)
    assert {k: t.key for k, t in merged.themes.items()} == {
        "housing": 8,
        "economy": 7,
        "crime": 3,
        "new": 4,
    }
    assert report.codebook_conflicts == ["crime's quick key 3, theirs 7 (another theme has it)"]


def test_a_theme_new_to_us_never_takes_the_key_their_move_frees() -> None:
    # theirs moved A from 1 to 3 and then added N, which took the freed 1: merged at ours,
    # N was placed on 3 first and A's move dropped as a clash, with a clash said that was
    # none (an attack); a theme with no quick key there came in with one
    from reader.core.records import Theme

    def book(**keys: int) -> Tables:
        coded = tables(note("x", "alice", theme="a"))
        coded.themes = {name: Theme(name, key=number) for name, number in keys.items()}
        return coded

    base = book(a=1, b=2)
    ours = book(a=1, b=2)
    theirs = book(a=3, b=2, n=1, unkeyed=0)
    for merged, report in (merge_tables(ours, theirs, base), merge_tables(theirs, ours, base)):
        assert {k: t.key for k, t in merged.themes.items()} == {
            "a": 3,
            "b": 2,
            "n": 1,
            "unkeyed": 0,
        }
        assert report.codebook_conflicts == []
