"""How a web page's bytes become its text (`reader.library.page_encoding`)."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.library.page_encoding import PageBytesError, page_text

LIMIT = 1 << 20


def _page(body: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>T</title></head><body><p>{body}</p></body></html>"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_utf8_bytes_are_read_as_utf8_whatever_the_page_declares(body: str) -> None:
    page = _page(body, '<meta charset="iso-8859-1">')
    assert page_text(page.encode("utf-8"), LIMIT) == page


def test_a_declared_encoding_is_read_as_declared() -> None:
    page = _page(
        "東京の天気は晴れです。",
        '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
    )
    assert page_text(page.encode("shift_jis"), LIMIT) == page


def test_an_undeclared_page_in_a_script_of_its_own_is_left_to_the_detector() -> None:
    # Cyrillic in Windows-1251, no declaration: not Windows-1252 (most of its letters are
    # above ASCII), and the detector knows it
    body = "Правительство объявило о новых мерах поддержки для семей с детьми. " * 4
    assert page_text(_page(body).encode("cp1251"), LIMIT) == _page(body)


def test_an_undeclared_western_page_is_windows_1252() -> None:
    body = "Renée Dupré won the prize with her crème brûlée tart — £4.50 a slice."
    assert page_text(_page(body).encode("cp1252"), LIMIT) == _page(body)


def test_gzip_is_opened_within_the_limit_and_other_bytes_are_refused() -> None:
    page = _page("A story.")
    assert page_text(gzip.compress(page.encode()), LIMIT) == page
    with pytest.raises(PageBytesError, match="too big"):
        page_text(gzip.compress(b" " * (LIMIT + 1)), LIMIT)  # (a bomb stops at the limit)
    with pytest.raises(PageBytesError, match="damaged gzip"):
        page_text(b"\x1f\x8b" + b"\x00" * 40, LIMIT)
    with pytest.raises(PageBytesError, match="binary"):
        page_text(bytes(range(256)) * 8, LIMIT)
    with pytest.raises(PageBytesError, match="empty"):
        page_text(b"  \n ", LIMIT)


@pytest.mark.parametrize("codec", ["unicode_escape", "raw_unicode_escape", "idna", "undefined"])
def test_a_page_may_name_only_an_encoding_pages_are_written_in(codec: str) -> None:
    # Python knows codecs no page is written in: "unicode_escape" would have turned the
    # text "\x1b[31m" into an escape sequence, "undefined" refused the page
    body = "Renée said \\x1b[31m is how a terminal turns red."
    page = _page(body, f'<meta charset="{codec}">').encode("cp1252")
    assert page_text(page, LIMIT) == _page(body, f'<meta charset="{codec}">')


def test_a_server_s_or_a_page_s_label_names_the_codec_a_browser_reads() -> None:
    from reader.library.page_encoding import page_encoding

    assert page_encoding("ISO-8859-1") == page_encoding("us-ascii") == "cp1252"
    assert page_encoding(" windows-1251 ") == "cp1251"
    assert page_encoding("GB2312") == "gbk"
    assert page_encoding("punycode") == page_encoding("rot13") == page_encoding("nonsense") == ""
