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


def test_crafted_heads_are_read_in_time_growing_with_them(tmp_path: Path) -> None:
    """A page of `<title>` with no end took 45 s, one of repeated og:title openings hours
    (a pattern backtracking; an attack's finding): each is now a few plain searches."""
    import time

    crafted = {
        "titles.html": b"<title>" * (HEAD_BYTES // 7),
        "og.html": b"<meta property='og:title' " * (HEAD_BYTES // 26),
        "lt.html": b"<" * HEAD_BYTES,
    }
    for name, data in crafted.items():
        (tmp_path / name).write_bytes(data)
    began = time.process_time()
    left = not_added(tmp_path, list(crafted), ["A story title long enough to count"])
    assert left == list(crafted)
    assert time.process_time() - began < 2  # (0.01 s here; a bound far from it)
