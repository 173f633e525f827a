"""Agreement of two coders: the 2x2 tables, percentage agreement and Cohen's kappa,
checked against hand-computed cases and by property."""

from __future__ import annotations

from unittest.mock import patch

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.annotations import agreement
from reader.annotations.agreement import Table, compare, source_pairs, table_of
from reader.core.records import Annotation


def note(
    article: int, start: int, end: int, coder: str, source: str | None = None, *themes: str
) -> Annotation:
    return Annotation(
        id=f"{coder}-{article}-{start}-{end}-{source}-{'-'.join(themes)}",
        article_id=article,
        start=start,
        end=end,
        quote="x" * (end - start),
        source=source,
        themes=themes,
        coder=coder,
        kind="quotation",
    )


def row(comparison, code):  # type: ignore[no-untyped-def]
    return next(r for r in comparison.rows if r.code == code)


def test_identical_coding_gives_kappa_1() -> None:
    notes = [note(1, 10, 30, "a", "King", "safety"), note(1, 10, 30, "b", "King", "safety")]
    result = compare(notes, "a", "b", {1: 100})
    for code in ("King", "safety"):
        assert row(result, code).table == Table(both=20, neither=80)
        assert row(result, code).table.kappa == 1.0
        assert row(result, code).table.agreement == 1.0


def test_disjoint_coding_by_hand() -> None:
    # 100 characters; A codes [0, 20), B codes [50, 70): both 0, A only 20, B only 20,
    # neither 60. po = 0.6; pA = pB = 0.2; pe = 0.04 + 0.64 = 0.68; kappa = -0.08/0.32.
    notes = [note(1, 0, 20, "a", None, "t"), note(1, 50, 70, "b", None, "t")]
    table = row(compare(notes, "a", "b", {1: 100}), "t").table
    assert table == Table(both=0, a_only=20, b_only=20, neither=60)
    assert table.agreement == pytest.approx(0.6)
    assert table.kappa == pytest.approx(-0.25)


def test_partial_overlap_by_hand() -> None:
    # A [0, 40), B [20, 60) of 100: both 20, A only 20, B only 20, neither 40.
    # po = 0.6, pA = pB = 0.4, pe = 0.16 + 0.36 = 0.52, kappa = 0.08 / 0.48 = 1/6.
    notes = [note(1, 0, 40, "a", "X"), note(1, 20, 60, "b", "X")]
    table = row(compare(notes, "a", "b", {1: 100}), "X").table
    assert table == Table(both=20, a_only=20, b_only=20, neither=40)
    assert table.kappa == pytest.approx(1 / 6)


def test_tables_are_pooled_over_articles_before_kappa() -> None:
    # Article 1 (100 chars): both code [0, 10). Article 2 (50 chars): A codes [0, 10), B
    # nothing of this code but something else, so the article is compared.
    notes = [
        note(1, 0, 10, "a", "X"),
        note(1, 0, 10, "b", "X"),
        note(2, 0, 10, "a", "X"),
        note(2, 30, 40, "b", "Y"),
    ]
    table = row(compare(notes, "a", "b", {1: 100, 2: 50}), "X").table
    assert table == Table(both=10, a_only=10, b_only=0, neither=130)
    po, pa, pb = 140 / 150, 20 / 150, 10 / 150
    pe = pa * pb + (1 - pa) * (1 - pb)
    assert table.kappa == pytest.approx((po - pe) / (1 - pe))


def test_a_code_neither_used_is_not_applicable_not_1() -> None:
    # "Z" is used by A only in article 2, which B never coded: not compared.
    notes = [note(1, 0, 10, "a", "X"), note(1, 0, 10, "b", "X"), note(2, 0, 5, "a", "Z")]
    result = compare(notes, "a", "b", {1: 100, 2: 100})
    assert result.articles == (1,)
    z = row(result, "Z")
    assert z.table.kappa is None and z.table.agreement is None
    assert z.as_json()["kappa"] is None
    assert result.rows[-1].code == "Z"  # not applicable: last


def test_rows_are_sorted_lowest_kappa_first() -> None:
    notes = [
        note(1, 0, 10, "a", "Same"),
        note(1, 0, 10, "b", "Same"),
        note(1, 20, 30, "a", "Differs"),
        note(1, 60, 70, "b", "Differs"),
    ]
    result = compare(notes, "a", "b", {1: 100})
    assert [r.code for r in result.rows] == ["Differs", "Same"]


def test_json_rows_have_the_documented_shape() -> None:
    notes = [note(1, 0, 10, "a", "X"), note(1, 5, 10, "b", "X")]
    [shape] = [r.as_json() for r in compare(notes, "a", "b", {1: 100}).rows]
    assert set(shape) == {
        "code",
        "kind",
        "articles",
        "agreement",
        "kappa",
        "a_chars",
        "b_chars",
        "both_chars",
    }
    assert (shape["a_chars"], shape["b_chars"], shape["both_chars"]) == (10, 5, 5)


def test_overlapping_quotes_with_the_same_source_are_counted() -> None:
    a = [note(1, 0, 20, "a", "King"), note(1, 40, 60, "a", "McPherson")]
    b = [note(1, 5, 20, "b", "King"), note(1, 45, 60, "b", "ICE"), note(1, 80, 90, "b", "X")]
    assert source_pairs(a, b) == (2, 1)


def test_table_of_clips_and_merges_spans() -> None:
    assert table_of([(0, 10), (5, 15)], [(10, 200)], 20) == Table(5, 10, 5, 0)


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=5)
coded = st.lists(
    st.tuples(st.sampled_from("ab"), st.integers(1, 3), spans, st.sampled_from("XYZ")),
    max_size=8,
)


def _notes(choices):  # type: ignore[no-untyped-def]
    return [
        note(article, start, start + length, coder, code)
        for coder, article, places, code in choices
        for start, length in places
    ]


@given(coded)
def test_swapping_the_coders_changes_nothing(choices) -> None:  # type: ignore[no-untyped-def]
    notes = _notes(choices)
    lengths = {1: 90, 2: 90, 3: 90}
    ab, ba = compare(notes, "a", "b", lengths), compare(notes, "b", "a", lengths)
    for code_row in ab.rows:
        other = row(ba, code_row.code).table
        assert (code_row.table.both, code_row.table.neither) == (other.both, other.neither)
        assert (code_row.table.a_only, code_row.table.b_only) == (other.b_only, other.a_only)
        assert code_row.table.kappa == other.kappa
    assert (ab.pairs, ab.same_source) == (ba.pairs, ba.same_source)


@given(coded, st.integers(1, 500))
def test_an_article_without_the_code_changes_only_neither(choices, length) -> None:  # type: ignore[no-untyped-def]
    notes = _notes(choices)
    lengths = {1: 90, 2: 90, 3: 90}
    before = compare(notes, "a", "b", lengths)
    # Article 9: both coders coded it, with a code nobody used elsewhere.
    extra = [note(9, 0, 1, "a", "Fresh"), note(9, 0, 1, "b", "Fresh")]
    after = compare(notes + extra, "a", "b", {**lengths, 9: length})
    for code_row in before.rows:
        old, new = code_row.table, row(after, code_row.code).table
        assert (new.both, new.a_only, new.b_only) == (old.both, old.a_only, old.b_only)
        assert new.neither == old.neither + length


@given(coded)
def test_an_article_neither_coded_changes_nothing(choices) -> None:  # type: ignore[no-untyped-def]
    notes = _notes(choices)
    lengths = {1: 90, 2: 90, 3: 90}
    assert compare(notes, "a", "b", lengths) == compare(notes, "a", "b", {**lengths, 7: 300})


placed = st.lists(st.tuples(st.integers(0, 2000), st.integers(1, 300), st.sampled_from("XYZ")))


@given(placed.map(lambda p: p[:40]), placed.map(lambda p: p[:16]), st.booleans())
def test_pairing_past_the_exact_limit_finds_the_same_pairs_in_real_coding(  # type: ignore[no-untyped-def]
    a_places, b_places, b_quotes
) -> None:
    """Where few of B start inside an annotation of A (as in any real coding), the
    bounded pairing used past EXACT_PAIRS pairs exactly as weighing every pair does."""
    a = [note(1, s, s + n, f"a{i}", code) for i, (s, n, code) in enumerate(a_places)]
    b = [note(1, s, s + n, f"b{i}", code) for i, (s, n, code) in enumerate(b_places)]
    if not b_quotes:
        b = [msgspec.structs.replace(x, kind="passage") for x in b]
    exact = source_pairs(a, b)
    with patch.object(agreement, "EXACT_PAIRS", 0):
        assert source_pairs(a, b) == exact


def test_thousands_of_quotations_on_one_span_are_paired_in_linear_work() -> None:
    """A crafted teammate's file: 3,000 quotations a coder, all on one span (every pair
    overlaps: 9 million pairs, 1.8 GB and 25 s when each was weighed)."""
    a = [note(1, 0, 50, f"a{i}", "King") for i in range(3000)]
    b = [note(1, 0, 50, f"b{i}", "King" if i % 2 else "ICE") for i in range(3000)]
    weighed = 0
    real_pair = agreement._pair

    def counted(one: Annotation, other: Annotation):  # type: ignore[no-untyped-def]
        nonlocal weighed
        weighed += 1
        return real_pair(one, other)

    with patch.object(agreement, "_pair", counted):
        pairs, same = source_pairs(a, b)
    assert (pairs, same) == (3000, 1500)
    assert weighed <= 2 * 3000 * agreement.SCANNED  # the nearest, then those left


@pytest.mark.parametrize(
    ("value", "percent", "shown"),
    [
        (-0.0001, False, "0.000"),
        (-0.0, False, "0.000"),
        (-0.00001, True, "0.0%"),
        (-0.134, False, "-0.134"),
        (0.5, True, "50.0%"),
        (None, False, "n/a"),
    ],
)
def test_a_figure_that_rounds_to_zero_is_never_minus_zero(
    value: float | None, percent: bool, shown: str
) -> None:
    # `reader agree` printed "Rachel Kim source -0.000" (a team's finding), and --json and
    # the analysis screen's CSV -0.0
    assert agreement.figure(value, percent) == shown
    if value is not None and abs(value) < 0.00005:
        assert str(agreement._rounded(value)) == "0.0"


def test_many_articles_of_their_own_codes_are_tabled_where_each_code_is() -> None:
    # 2,000 articles coded by both, each with sources and themes of its own: every code was
    # tabled in every article (16 million tables, 94 s; stop 77's attacker); a code's table
    # in an article it does not mark is all "neither", added once
    articles = 150
    notes = [
        note(n, 10, 30, coder, f"Speaker {n}", f"theme {n}")
        for n in range(1, articles + 1)
        for coder in ("a", "b")
    ]
    real = agreement.table_of
    with patch.object(agreement, "table_of", side_effect=real) as tabled:
        result = compare(notes, "a", "b", dict.fromkeys(range(1, articles + 1), 100))
    assert tabled.call_count <= 2 * articles  # (every code in every article: 45,000)
    assert row(result, "Speaker 7").table == Table(both=20, neither=80 + 100 * (articles - 1))
    assert row(result, "theme 9").table.kappa == 1.0
