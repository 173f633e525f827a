"""The extraction benchmark's trafilatura-eval set: its metric and its split by site."""

from __future__ import annotations

import csv

import pytest

from bench.extraction import SnippetScore, main, snippet_counts
from bench.fetch_trafilatura_eval import SPLIT, site_of, split_of

SNIPPETS = {"with": ["The council  voted", "ten years"], "without": ["Subscribe", "Home"]}


def test_a_snippet_counts_as_trafilatura_counts_it() -> None:
    text = "The council voted on Tuesday.\nIt took ten\nyears. Home"
    assert snippet_counts(SNIPPETS, text) == (2, 1, 0, 1)  # tp, fp, fn, tn
    assert snippet_counts(SNIPPETS, "") == (0, 0, 2, 2)


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


def test_the_blind_set_is_not_scored_without_blind() -> None:
    with pytest.raises(SystemExit):
        main(["trafilatura-eval-test"])
    with pytest.raises(SystemExit):
        main(["--blind"])
