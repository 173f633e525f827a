"""Which web pages saved into a library folder are added already (by their titles)."""

from __future__ import annotations

from pathlib import Path

from reader.library.saved_pages import HEAD_BYTES, not_added


def test_a_page_whose_title_holds_an_articles_is_added(tmp_path: Path) -> None:
    pages = {
        "rally.html": "<title>Tenants rally at city hall &amp; march | The Gazette</title>",
        "og.htm": '<meta property="og:title" content="Council passes the housing bill">',
        "home.html": "<title>Home</title>",
        "late.html": " " * HEAD_BYTES + "<title>Tenants rally at city hall &amp; march</title>",
        "none.html": "<p>no title at all</p>",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "folder.html").mkdir()  # (not a file: unreadable, so not added)
    titles = ["Tenants rally at city hall & march", "Council passes the housing bill", "Home"]
    left = not_added(tmp_path, [*pages, "folder.html", "gone.html"], titles)
    assert left == ["home.html", "late.html", "none.html", "folder.html", "gone.html"]
