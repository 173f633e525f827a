"""A web page's date and author, only as the page states them."""

from __future__ import annotations

from typing import Any

import htmldate
import pytest
import trafilatura.metadata
from hypothesis import given
from hypothesis import strategies as st

from reader.library.extraction import clean_page
from reader.library.page_byline import bylined_author
from reader.library.page_dates import dated_line, stated_date

STORY = (
    "<p>More than 14,000 households are now waiting for subsidized housing in the region, "
    "a 40 per cent increase in five years, according to figures released on Wednesday.</p>"
    "<p>The average wait for a one-bedroom unit is now seven years, the authority said, and "
    "the province has been asked for $200 million over four years to repair units.</p>"
)


def page(head: str, top: str, foot: str = "") -> str:
    return (
        f"<html><head><title>The Harbour Herald</title>{head}</head><body><article>"
        f"<h1>Waitlist for social housing tops 14,000 households</h1>{top}{STORY}"
        f"</article>{foot}</body></html>"
    )


def test_a_copyright_year_is_never_read_as_the_first_of_january() -> None:
    html = page("", "", "<footer>© The Harbour Herald 2026</footer>")
    assert clean_page(html).published == ""


def test_a_dated_line_at_the_top_is_the_date_and_a_byline_the_author() -> None:
    html = page(
        "",
        "<p>By Maya Chen and Luis Ortiz</p>"
        "<p>Published 6:30 a.m. Nov. 5, 2026 | Updated 9:10 a.m. Nov. 6, 2026</p>",
        "<footer>© The Harbour Herald 2026</footer>",
    )
    article = clean_page(html)
    assert article.published == "2026-11-05"
    assert article.author == "Maya Chen and Luis Ortiz"


def test_a_page_dated_on_its_publishers_side_of_midnight_keeps_its_day() -> None:
    # west of the publisher (Los Angeles, for a Sydney page), its day was "tomorrow":
    # refused, and the first of the month came in its place, in every citation
    from datetime import UTC, datetime, timedelta

    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date()
    html = page(
        f'<meta property="article:published_time" content="{tomorrow}T01:00:00+11:00">',
        "<p>The council met on Monday.</p>",
    )
    assert clean_page(html).published in (str(tomorrow), str(tomorrow - timedelta(days=1)))


def test_the_markup_date_wins_over_a_line() -> None:
    html = page(
        '<meta property="article:published_time" content="2026-10-14T08:00:00Z">',
        "<p>Updated Nov. 5, 2026</p>",
    )
    assert clean_page(html).published == "2026-10-14"


def test_the_slow_extensive_search_runs_only_when_the_page_states_no_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """dateparser's first use in a process costs two seconds: a page whose markup or top
    line gives the date never starts it (`reader add` of one page stays quick)."""
    searches: list[bool] = []
    real_find_date = htmldate.find_date

    def find_date(tree: Any, **options: Any) -> Any:
        searches.append(options["extensive_search"])
        return real_find_date(tree, **options)

    monkeypatch.setattr(htmldate, "find_date", find_date)
    monkeypatch.setattr(trafilatura.metadata, "find_date", find_date)  # its metadata's call
    marked = page('<meta property="article:published_time" content="2026-10-14T08:00:00Z">', "")
    assert clean_page(marked).published == "2026-10-14"
    assert clean_page(page("", "<p>Published Nov. 5, 2026</p>")).published == "2026-11-05"
    assert True not in searches
    assert clean_page(page("", "", "<footer>© The Harbour Herald 2026</footer>")).published == ""
    assert searches[-1] is True  # nothing stated: the extensive search is the last resort


def test_dates_as_lines_state_them() -> None:
    assert stated_date("Posted: 5 November 2026 at 10:00") == "2026-11-05"
    assert stated_date("Sept. 30, 2025") == "2025-09-30"
    assert stated_date("2026-02-30 and 2026-03-01") == "2026-03-01"  # no February 30th
    assert stated_date("© 2026 The Harbour Herald") is None
    assert dated_line(["Updated Nov. 6, 2026", "Nov. 5, 2026"]) == "2026-11-05"
    assert dated_line(["A paragraph of the story that mentions Nov. 5, 2026 " * 4]) is None


def test_bylines_name_people_not_outlets() -> None:
    assert bylined_author(["By Maya Chen | The Canadian Press"]) == "Maya Chen"
    assert bylined_author(["By Maya Chen, Luis Ortiz and Ana Pérez"]) == (
        "Maya Chen, Luis Ortiz and Ana Pérez"
    )
    assert bylined_author(["By the time the bus came, it was dark."]) == ""


@given(st.text(max_size=200))
def test_any_line_gives_a_real_date_or_none(line: str) -> None:
    found = stated_date(line)
    assert found is None or (len(found) == 10 and found[4] == "-" and found[7] == "-")


def test_a_paragraph_of_no_word_between_byline_and_date_is_removed() -> None:
    html = page("", "<p>By Maya Chen</p><p>|</p><p>Published Nov. 5, 2026</p>")
    article = clean_page(html)
    assert "|" not in [block.text for block in article.blocks]
    assert any(r.reason == "no letter or figure in it" for r in article.removed)


@pytest.mark.parametrize(
    ("metadata", "site", "names"),
    [
        ("Analysis by Chris Cillizza; CNN Editor-at-large", "CNN", "Chris Cillizza"),
        ("Tom Krisher; Ap Auto Writer", "", "Tom Krisher"),
        ("Jill Disis; CNN Business", "CNN", "Jill Disis"),
        ("Sandee LaMotte; CNN", "CNN", "Sandee LaMotte"),
        ("Condé Nast; Molly Wood", "WIRED", "Molly Wood"),
        ("Paul Takahashi; Staff writer", "Houston Chronicle", "Paul Takahashi"),
        ("DANICA KIRKA; JILL LAWLESS Associated Press", "", "DANICA KIRKA; JILL LAWLESS"),
        ("Lisa Kaczke; Trevor J Mitchell", "USA TODAY", "Lisa Kaczke; Trevor J Mitchell"),
        ("Staff Reporter", "", "Staff Reporter"),  # (no name left: kept as it is)
        # the outlet after a byline's comma (a journalist's finding), by its host or its
        # name's words
        ("Sarah Whitfield; Valley Courier", "valleycourier.example", "Sarah Whitfield"),
        ("Sarah Whitfield; Valley Courier", "127.0.0.1:8765", "Sarah Whitfield"),
        ("Ana Ruiz; Harbour Herald", "", "Ana Ruiz"),
        ("Emily Post; Jane Sun", "", "Emily Post; Jane Sun"),
    ],
)
def test_a_page_s_author_metadata_gives_its_names_only(
    metadata: str, site: str, names: str
) -> None:
    # trafilatura joins what a page's author fields hold with "; ": roles, outlets and the
    # kind of piece came into the article's author (and so its citations)
    from reader.library.page_byline import cleaned_author

    assert cleaned_author(metadata, site) == names
