"""The text of a web page's bytes, decoded as a browser would decode them.

A page's bytes say their encoding in one of three places: a byte-order mark, the server's
Content-Type header (`Fetched.text` reads that one, through `page_encoding`), or a `<meta
charset>` in the page's head. trafilatura reads none of them: it tries UTF-8, then guesses,
and its guess for a short Windows-1252 story ("crème brûlée", "£4.50") is often Central
European ("crčme brűlée", "Ł4.50"). So Reader decodes a page itself, in the browser's
order:
1. the mark (or UTF-16 without one);
2. UTF-8 when the bytes are UTF-8 (a page that declares Latin-1 but is UTF-8 is read right);
3. the head's declaration, comments passed over, if it names an encoding pages are written
   in, read as the HTML standard reads its label (Latin-1 means Windows-1252): a page
   declared UTF-8 keeps its UTF-8 around a stray byte (unless it holds no UTF-8 at all: then
   it is Windows-1252 saying so wrongly);
4. for a page that declares nothing usable: UTF-8 when it is mostly UTF-8; Windows-1252
   when its text's letters are mostly ASCII (the default a browser gives an undeclared page
   in a Western locale); else the detector's guess on its text (a Cyrillic or Greek page in
   a single-byte encoding).

A page saved compressed (a `.html` that is gzip, in one member or several) is decompressed,
within the same size limit as any page; a stream cut short, and bytes that are not text at
all (NUL bytes in one of ten, control characters in one of twenty), raise `PageBytesError`
with a message that says so, rather than becoming a shorter page or one of replacement
characters.
"""

from __future__ import annotations

import codecs
import re
import zlib

from reader.library.article_files import unicode_marked

_GZIP = b"\x1f\x8b"
_HEAD = 65536  # how far into the page its head's declaration is looked for
_SAMPLE = 262144  # how much of an undeclared page its letters are judged on
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
# The HTML standard's labels Python does not know by those names.
_BROWSER_LABELS = {
    "windows-874": "cp874",
    "dos-874": "cp874",
    "iso-8859-8-i": "iso8859-8",
    "csiso88598i": "iso8859-8",
    "logical": "iso8859-8",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "ms932": "cp932",
    "ms_kanji": "cp932",
    "csshiftjis": "cp932",
    "x-cp1250": "cp1250",
    "x-cp1251": "cp1251",
    "x-cp1252": "cp1252",
    "x-cp1253": "cp1253",
    "x-cp1254": "cp1254",
    "x-cp1255": "cp1255",
    "x-cp1256": "cp1256",
    "x-cp1257": "cp1257",
    "x-cp1258": "cp1258",
    "x-gbk": "gbk",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5",
    "cn-big5": "big5",
    "csbig5": "big5",
    "koi8-ru": "koi8-u",
    "koi": "koi8-r",
    "koi8": "koi8-r",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-ukrainian": "mac-cyrillic",
    "x-mac-roman": "mac-roman",
    "macintosh": "mac-roman",
    "csmacintosh": "mac-roman",
    "cseuckr": "euc_kr",
    "ks_c_5601-1987": "cp949",
    "windows-949": "cp949",
    "x-euc-jp": "euc_jp",
    "cseucpkdfmtjapanese": "euc_jp",
    "unicode-1-1-utf-8": "utf-8",
    "unicode11utf8": "utf-8",
    "unicode20utf8": "utf-8",
    "x-unicode20utf8": "utf-8",
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
    utf8, decoded, failed = _utf8_reading(data)
    declared = _declared_charset(data)
    if declared in _UTF8 and decoded:
        # declared so: stray bytes are "�" (a page that says UTF-8 and holds none at all
        # is Windows-1252 saying so wrongly: its "é" is one byte, never UTF-8's two)
        return utf8
    if declared and declared not in _UTF8:
        return data.decode(declared, errors="replace")
    if decoded > failed:
        return utf8  # (mostly UTF-8: a stray Windows-1252 byte or two in UTF-8 copy)
    if _letters_mostly_ascii(data):
        return data.decode("cp1252", errors="replace")
    return _guessed(data)


_CONTROL_BYTES = bytes(range(0x09)) + bytes(range(0x0E, 0x1B)) + b"\x1c\x1d"


def _binary(head: bytes) -> bool:
    """Bytes no page is made of: NUL bytes in one byte of ten (a saved page may end in a
    padding of them), or control characters in one byte of twenty (random bytes hold one
    in ten)."""
    nul = head.count(b"\x00")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return nul > 0.1 * len(head) or controls - nul > 0.05 * len(head)


def _utf8_reading(data: bytes) -> tuple[str, int, int]:
    """Bytes that are not all UTF-8, read as UTF-8: the text (a failed byte as "\ufffd"),
    how many characters above ASCII decoded, and how many bytes failed."""
    text = data.decode("utf-8", errors="replace")
    failed = text.count("\ufffd")
    return text, len(text) - len(text.encode("ascii", errors="ignore")) - failed, failed


# The encodings a browser reads a page in (the HTML standard's list), as Python names them:
# a page may name no other codec. Python knows codecs no page is written in, some of which
# would read its bytes as something else ("unicode_escape" turns "\\x1b" into an escape
# character, "idna" and "punycode" rewrite it, "undefined" refuses it).
_PAGE_ENCODINGS = frozenset(
    {"utf-8", "utf-16-be", "utf-16-le", "cp866", "koi8-r", "koi8-u", "mac-roman"}
    | {"mac-cyrillic", "cp874", "cp932", "cp949", "big5", "big5hkscs", "euc_jp", "euc_kr"}
    | {"iso2022_jp"}
    | {"shift_jis", "gbk", "gb2312", "gb18030", "tis-620", "ascii"}
    | {f"cp{n}" for n in range(1250, 1259)}
    | {f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)}
)


def page_encoding(label: str) -> str:
    """The Python codec a page's or a server's charset label names, as a browser reads it
    (Latin-1 as Windows-1252); "" for a label that names none of the encodings pages are
    written in (punycode decodes in quadratic time, rot13 or hex are no text)."""
    label = label.strip()[:40].casefold()
    label = _BROWSER_LABELS.get(label, label)
    try:
        name = codecs.lookup(label).name if label else ""
    except LookupError:
        return ""
    return _AS_BROWSERS_READ.get(name, name) if name in _PAGE_ENCODINGS else ""


def _declared_charset(data: bytes) -> str:
    """The codec a `<meta charset>` or `<meta http-equiv="Content-Type">` of the page's
    head names (`page_encoding`), comments passed over, as a browser reads it; "" when
    none, or none a browser reads pages in."""
    head = data[:_HEAD]
    end = _HEAD_END.search(head)
    head = _COMMENT.sub(b" ", head[: end.start()] if end else head)
    found = _META_CHARSET.search(head)
    return page_encoding(found.group(1).decode("ascii", "replace")) if found else ""


_HEAD_END = re.compile(rb"</head\b|<body\b", re.IGNORECASE)
_COMMENT = re.compile(rb"<!--.*?(?:-->|$)", re.DOTALL)


_ASCII_LETTERS = bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B))
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _letters_mostly_ascii(data: bytes) -> bool:
    """Whether the bytes above ASCII are few beside its letters, in the page's text (its
    markup, scripts and styles left out; the first 256 KB tell): accents in Western copy,
    not a script of its own."""
    text = _without_markup(data[:_SAMPLE])
    ascii_letters = len(text) - len(text.translate(None, _ASCII_LETTERS))
    high = len(text) - len(text.translate(None, _HIGH_BYTES))
    return high <= _MOSTLY_ASCII * (ascii_letters + high)


_MARKUP = re.compile(
    rb"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^<>]*>", re.IGNORECASE | re.DOTALL
)
# What opens a script, a style or a comment, what closes each as `_MARKUP` reads it, and a
# spelling of the opening that cannot open (its letters the same: the page's letters are
# counted after markup is taken out).
_OPENERS_AND_CLOSERS = (
    (b"<script", re.compile(rb"</script\s*>", re.IGNORECASE), b"<sxript"),
    (b"<style", re.compile(rb"</style\s*>", re.IGNORECASE), b"<sxyle"),
    (b"<!--", re.compile(rb"-->"), b"<!-~"),
)


def _without_markup(data: bytes) -> bytes:
    """`data` with its tags, scripts, styles and comments made blanks (`_MARKUP`). An
    opening that nothing closes after it is first made one that cannot open: the pattern
    read from each such "<script" to the end of the page for its closing tag, and a page of
    thousands took half a minute (stop 77's attacker)."""
    for opener, closer, inert in _OPENERS_AND_CLOSERS:
        last = -1
        for last_closing in closer.finditer(data):  # (the last closing the pattern accepts)
            last = last_closing.start()
        tail = data[last + 1 :]
        if opener in tail.lower():
            data = data[: last + 1] + re.sub(re.escape(opener), inert, tail, flags=re.IGNORECASE)
    return _MARKUP.sub(b" ", data)


def _guessed(data: bytes) -> str:
    """The detector's reading of the page, judged on its text (markup outweighs the
    words of a short page: a Cyrillic page in Windows-1251 read as a DOS code page)."""
    from charset_normalizer import from_bytes  # (trafilatura's own detector)

    best = from_bytes(_without_markup(data[:_SAMPLE])[:65536]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("cp1252", errors="replace")


def _gunzipped(data: bytes, limit: int) -> bytes:
    """A gzip file's contents (every member of it, as gzip reads them), read no further
    than `limit` bytes; a stream that stops before its end is damaged, not a shorter page."""
    out = bytearray()
    rest = data
    while rest.startswith(_GZIP):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(rest, limit + 1 - len(out))
        except zlib.error:
            raise PageBytesError("a damaged gzip file, not a web page") from None
        if len(out) > limit:
            raise PageBytesError(f"over {limit >> 20} MB once decompressed, too big for an article")
        if not inflater.eof:
            raise PageBytesError("a damaged gzip file (cut short), not a web page")
        rest = inflater.unused_data
    return bytes(out)
