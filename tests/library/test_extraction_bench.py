"""The extraction benchmark's snippet sets: their metric, the trafilatura-eval split by site
and the third blind set's list (newspaper's, goose3's and Postlight's test pages)."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from bench.extraction import GoldPage, SnippetScore, _rows, main, snippet_counts
from bench.fetch_fundus import SPLIT as FUNDUS_SPLIT
from bench.fetch_fundus import gold_body, version_key
from bench.fetch_fundus import split_of as fundus_split_of
from bench.fetch_news_fixtures import _ZYTE_MONTHS, newspaper_base_domain
from bench.fetch_news_fixtures import SPLIT as FIXTURES_SPLIT
from bench.fetch_trafilatura_eval import SPLIT, site_of, split_of

SNIPPETS = {"with": ["The council  voted", "ten years"], "without": ["Subscribe", "Home"]}


def test_a_snippet_counts_as_trafilatura_counts_it() -> None:
    text = "The council voted on Tuesday.\nIt took ten\nyears. Home"
    assert snippet_counts(SNIPPETS, text) == (2, 1, 0, 1)  # tp, fp, fn, tn
    assert snippet_counts(SNIPPETS, "") == (0, 0, 2, 2)


def test_a_snippet_is_found_whichever_way_its_letters_or_soft_hyphens_were_written() -> None:
    snippets = {"with": ["Klima\u00adwandel", "gepru\u0308ft"], "without": []}
    assert snippet_counts(snippets, "Der Klimawandel, gepr\u00fcft.") == (2, 0, 0, 0)


def test_the_scores_come_from_the_counts_summed_over_pages() -> None:
    score = SnippetScore([("a", 2, 1, 0, 1), ("b", 1, 0, 1, 2)])
    assert round(score.precision, 3) == 0.75  # 3 / (3 + 1)
    assert round(score.recall, 3) == 0.75  # 3 / (3 + 1)
    assert round(score.accuracy, 3) == 0.75  # (3 + 3) / 8
    assert round(score.f1, 3) == 0.75
    assert SnippetScore().f1 == 0.0


def test_a_site_is_the_registrable_domain_even_of_an_archived_or_unnamed_page() -> None:
    assert site_of("https://www.example.co.uk/news/a.html", "x.html") == "example.co.uk"
    archived = "https://web.archive.org/web/20160526181643/http://blog.example.com/a/"
    assert site_of(archived, "x.html") == "example.com"
    assert site_of(
        "hard::jamaica.gleaner.com-victims.html", "jamaica.gleaner.com-victims.html"
    ) == ("gleaner.com")
    assert site_of("hard::iwr.de.IWR-Pressedienst.html", "iwr.de.IWR-Pressedienst.html") == "iwr.de"


def test_the_committed_split_is_by_site_and_by_hash_alone() -> None:
    with SPLIT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 989
    sets_of_site: dict[str, set[str]] = {}
    for row in rows:
        assert row["set"] == split_of(row["site"])
        sets_of_site.setdefault(row["site"], set()).add(row["set"])
    assert all(len(sets) == 1 for sets in sets_of_site.values())
    dev = sum(1 for sets in sets_of_site.values() if "dev" in sets) / len(sets_of_site)
    assert 0.35 < dev < 0.5


@pytest.mark.parametrize(
    "blind", ["newspaper-test", "openings-test", "corpus-test", "fundus-test", "omnivore-test"]
)
def test_a_blind_set_is_not_scored_without_blind(blind: str) -> None:
    with pytest.raises(SystemExit):
        main([blind])
    with pytest.raises(SystemExit):
        main(["--blind"])
    with pytest.raises(SystemExit):  # a set already seen is not scored as blind
        main(["--blind", "trafilatura-eval-test"])


def test_a_newspaper_page_is_named_as_its_unit_tests_name_it() -> None:
    assert newspaper_base_domain("http://www.al.com/sports/a.html") == "al.com"
    assert newspaper_base_domain("http://uk.reuters.com/a") == "reuters.com"
    assert newspaper_base_domain("http://www.bbc.co.uk/news/a") == "bbc.co.uk"


def test_an_address_of_the_months_zyte_saved_its_pages_is_recognised() -> None:
    assert _ZYTE_MONTHS.search("https://a.com/2019/11/18/story")
    assert _ZYTE_MONTHS.search("https://a.com/news/2019-10-02-story")
    assert not _ZYTE_MONTHS.search("https://a.com/2019/01/18/story")
    assert not _ZYTE_MONTHS.search("https://a.com/2018/11/18/story")


def test_the_third_blind_set_is_fixed_and_holds_no_held_zyte_page() -> None:
    with FIXTURES_SPLIT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 262
    assert {row["set"] for row in rows} == {"newspaper-test", "openings-test"}
    assert len({row["url"] for row in rows}) == len(rows)
    held = (SPLIT.parent.parent / "tests/data/extraction/SOURCES.md").read_text(encoding="utf-8")
    assert not any(row["url"] in held for row in rows)


def test_the_fourth_blind_set_is_split_by_site_and_holds_no_page_of_another_set() -> None:
    with FUNDUS_SPLIT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 253
    assert all(row["set"] == fundus_split_of(row["site"]) for row in rows)
    sites = {row["site"]: row["set"] for row in rows}
    assert 0.35 < sum(1 for s in sites.values() if s == "fundus-dev") / len(sites) < 0.5
    assert len({row["url"] for row in rows}) == len(rows)
    held = (SPLIT.parent.parent / "tests/data/extraction/SOURCES.md").read_text(encoding="utf-8")
    with FIXTURES_SPLIT.open(encoding="utf-8", newline="") as handle:
        fixtures = {row["url"] for row in csv.DictReader(handle)}
    assert not any(row["url"] in held or row["url"] in fixtures for row in rows)


def test_the_fifth_blind_set_is_split_by_site_and_holds_no_page_of_another_set() -> None:
    from bench.fetch_omnivore import SPLIT as OMNIVORE_SPLIT
    from bench.fetch_omnivore import split_of as omnivore_split_of

    with OMNIVORE_SPLIT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 84
    assert all(row["set"] == omnivore_split_of(row["site"]) for row in rows)
    assert len({row["url"] for row in rows}) == len(rows)
    held = (SPLIT.parent.parent / "tests/data/extraction/SOURCES.md").read_text(encoding="utf-8")
    others = set()
    for split in (FIXTURES_SPLIT, FUNDUS_SPLIT):
        with split.open(encoding="utf-8", newline="") as handle:
            others |= {row["url"] for row in csv.DictReader(handle)}
    assert not any(row["url"] in held or row["url"] in others for row in rows)


def test_an_omnivore_gold_body_is_its_expected_outputs_blocks() -> None:
    from bench.fetch_omnivore import gold_text

    expected = b"<div id='readability-page-1'><h2>A ferry</h2><p>First <b>one</b>.</p><p>Two.</p>"
    assert gold_text(expected) == "A ferry\n\nFirst one.\n\nTwo."


def test_a_fundus_gold_body_is_its_sub_headlines_and_paragraphs_without_the_summary() -> None:
    expected = {
        "title": "Bridge",
        "body": {
            "summary": ["The council decided."],
            "sections": [
                {"headline": [], "paragraphs": ["First paragraph.", " "]},
                {"headline": ["A ferry"], "paragraphs": ["Second paragraph."]},
            ],
        },
    }
    assert gold_body(expected) == "First paragraph.\n\nA ferry\n\nSecond paragraph."
    assert gold_body({"body": None}) == ""
    assert sorted(["V2", "V1_1", "V10", "V1"], key=version_key) == ["V1", "V1_1", "V2", "V10"]


def test_every_set_is_reported_by_language_the_unlabelled_pages_labelled_from_their_text(
    tmp_path: Path,
) -> None:
    german = "Der Rat der Stadt hat am Dienstag beschlossen, dass die alte Brücke und der Hafen "
    english = "The council of the town said on Tuesday that it would rebuild the old bridge "
    pages = []
    for name, text in (("a", german), ("b", english), ("c", english)):
        path = tmp_path / f"{name}.html.gz"
        path.write_bytes(gzip.compress(f"<html><body><p>{text * 5}</p></body></html>".encode()))
        pages.append(GoldPage(name, path, "example.org"))  # no language given: Zyte's, corpus
    rows = _rows("corpus-dev", pages, by_dataset=False, by_language=True)
    assert [page.name for page in rows["corpus-dev English"]] == ["b", "c"]
    assert [page.name for page in rows["corpus-dev not English"]] == ["a"]
    assert [page.name for page in rows["corpus-dev German"]] == ["a"]
    labelled = [GoldPage("d", pages[0].path, "example.org", language="French")]
    assert list(_rows("fundus-dev", labelled, by_dataset=False)) == [
        "fundus-dev",
        "fundus-dev English",
        "fundus-dev not English",
    ]
