"""The text of a web page's bytes, decoded as a browser would decode them.

A page's bytes say their encoding in one of three places: a byte-order mark, the server's
Content-Type header (`Fetched.text` reads that one), or a `<meta charset>` in the page's
head. trafilatura reads none of them: it tries UTF-8, then guesses, and its guess for a short
Windows-1252 story ("crème brûlée", "£4.50") is often Central European ("crčme brűlée",
"Ł4.50"). So Reader decodes a page itself, in the browser's order: the mark; UTF-8 when the
bytes are UTF-8, or nearly (a page that declares Latin-1 but is UTF-8 is still read right,
and so is UTF-8 copy with a stray byte); the meta
declaration (Latin-1 and ASCII read as Windows-1252, as the HTML standard says); and for a
page that declares nothing usable, Windows-1252 when its letters are mostly ASCII (the
default a browser gives an undeclared page in a Western locale), else the detector's guess
(a Cyrillic or Greek page written in a single-byte encoding).

A page saved compressed (a `.html` that is gzip) is decompressed, within the same size limit
as any page; bytes that are not text at all (NUL bytes, many control characters) raise
`PageBytesError` with a message that says so, rather than becoming a page of replacement
characters.
"""

from __future__ import annotations

import codecs
import re
import zlib

from reader.library.article_files import unicode_marked

_GZIP = b"\x1f\x8b"
_HEAD = 4096  # where a browser's prescan looks for the declaration
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
# The encodings the HTML standard reads a label as, where Python's codec of that name
# differs (a page that says Latin-1 means Windows-1252; GB2312 means GBK).
_AS_BROWSERS_READ = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "gb2312": "gbk",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
}
_UTF8 = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be"})  # (UTF-16 meta: UTF-8)
# Above this share of letters outside ASCII, a page is not Western copy with accents but a
# script of its own (Cyrillic, Greek) in a single-byte encoding: the detector decides.
_MOSTLY_ASCII = 0.3


class PageBytesError(Exception):
    """Bytes that are no web page a user could add (binary, or compressed beyond the
    limit); the message is one line for the user."""


def page_text(data: bytes, limit: int) -> str:
    """The page's text. `limit`: the most bytes a page may hold once decompressed."""
    if data.startswith(_GZIP):
        data = _gunzipped(data, limit)
    if not data.strip():
        raise PageBytesError("an empty file, not a web page")
    text = unicode_marked(data)
    if text is not None:
        return text
    head = data[:65536]
    if _binary(head):
        raise PageBytesError("looks like a binary file, not a web page")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace")  # (a few stray bytes in UTF-8 copy)
    declared = _declared_charset(data[:_HEAD])
    if declared and declared not in _UTF8:
        return data.decode(declared, errors="replace")
    if _letters_mostly_ascii(data):
        return data.decode("cp1252", errors="replace")
    return _guessed(data)


_CONTROL_BYTES = bytes(range(0x09)) + bytes(range(0x0E, 0x1B)) + b"\x1c\x1d"


def _binary(head: bytes) -> bool:
    """Bytes no page is made of: NUL bytes beyond a stray few (a real page may hold a run of
    them), or control characters in one byte of twenty."""
    nul = head.count(b"\x00")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return nul > 0.01 * len(head) or controls > 0.05 * len(head)


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 are still mostly UTF-8: more characters above ASCII
    decode than bytes fail (a page of UTF-8 with a stray Windows-1252 byte or two)."""
    text = data.decode("utf-8", errors="replace")
    failed = text.count("\ufffd")
    decoded = len(text) - len(text.encode("ascii", errors="ignore").decode()) - failed
    return decoded > failed


# The encodings a browser reads a page in (the HTML standard's list), as Python names them:
# a page may name no other codec. Python knows codecs no page is written in, some of which
# would read its bytes as something else ("unicode_escape" turns "\\x1b" into an escape
# character, "idna" and "punycode" rewrite it, "undefined" refuses it).
_PAGE_ENCODINGS = frozenset(
    {"utf-8", "utf-16-be", "utf-16-le", "cp866", "koi8-r", "koi8-u", "mac-roman"}
    | {"mac-cyrillic", "cp874", "cp932", "cp949", "big5", "euc_jp", "euc_kr", "iso2022_jp"}
    | {"shift_jis", "gbk", "gb2312", "gb18030", "tis-620", "ascii"}
    | {f"cp{n}" for n in range(1250, 1259)}
    | {f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)}
)


def page_encoding(label: str) -> str:
    """The Python codec a page's or a server's charset label names, as a browser reads it
    (Latin-1 as Windows-1252); "" for a label that names none of the encodings pages are
    written in (punycode decodes in quadratic time, rot13 or hex are no text)."""
    try:
        name = codecs.lookup(label.strip()[:40]).name if label.strip() else ""
    except LookupError:
        return ""
    return _AS_BROWSERS_READ.get(name, name) if name in _PAGE_ENCODINGS else ""


def _declared_charset(head: bytes) -> str:
    """The codec a `<meta charset>` or `<meta http-equiv="Content-Type">` of the page's
    head names (`page_encoding`); "" when none, or none a browser reads pages in."""
    found = _META_CHARSET.search(head)
    return page_encoding(found.group(1).decode("ascii", "replace")) if found else ""


_ASCII_LETTERS = bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B))
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _letters_mostly_ascii(data: bytes) -> bool:
    """Whether the bytes above ASCII are few beside its letters: accents in Western copy,
    not a script of its own."""
    ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return high <= _MOSTLY_ASCII * (ascii_letters + high)


def _guessed(data: bytes) -> str:
    from charset_normalizer import from_bytes  # (trafilatura's own detector)

    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("cp1252", errors="replace")


def _gunzipped(data: bytes, limit: int) -> bytes:
    """A gzip file's contents, read no further than `limit` bytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise PageBytesError("a damaged gzip file, not a web page") from None
    if len(out) > limit:
        raise PageBytesError(f"over {limit >> 20} MB once decompressed, too big for an article")
    return out
