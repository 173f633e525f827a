"""A corpus of hostile article files, written into a folder by `write_hostile_library`.

Each entry: file name, bytes, and what must happen: "open" (with a check on the text) or
"refuse" (with words the one-line reason must contain).
"""

from __future__ import annotations

import codecs
from pathlib import Path

# 2.2 million characters with no newline at all: past the quote finder's cap (2 million)
HUGE_LINE = ("word “quoted” text, " * 110_000).encode()

HOSTILE: list[tuple[str, bytes, str, str]] = [
    ("empty.txt", b"", "refuse", "no text"),
    ("only-whitespace.txt", b"  \n\n\t \r\n \n", "refuse", "no text"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "refuse", "binary"),
    ("nul-bytes.txt", b"Title\n\nSome\x00text\x00with NULs", "refuse", "binary"),
    (
        "not-utf8.txt",
        b"Caf\xe9 headline\n\nShe said \x93quoted\x94 and left.",
        "open",
        "She said “quoted” and left.",
    ),
    (
        "utf16.txt",
        codecs.BOM_UTF16_LE + "Titre\n\n« Oui », dit-elle.".encode("utf-16-le"),
        "open",
        "« Oui », dit-elle.",
    ),
    ("one-huge-line.txt", HUGE_LINE, "open", "word “quoted” text,"),
    (
        "markup.txt",
        b"[bold]Not bold[/]\n\nClick [@click=app.quit]here[/] or [link=https://x.org]there[/link].",
        "open",
        "[@click=app.quit]here[/]",
    ),
    (
        "escapes.txt",
        b"Title \x1b[31mred\x1b[0m\n\nClip \x1b]52;c;aGVsbG8=\x07 link \x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\ move\x1b[2J\x1b[H end",
        "open",
        "Clip  link text move end",
    ),
    (
        "rtl.txt",
        'כותרת\n\nהוא אמר “שלום לכולם” ויצא. قال "مرحبا" ثم غادر.'.encode(),
        "open",
        "“שלום לכולם”",
    ),
    (
        "combining.txt",
        "Cafe\u0301 headline\n\nThe e\u0301le\u0300ve said “re\u0301sume\u0301 now”.".encode(),
        "open",
        "re\u0301sume\u0301",
    ),
    (
        "emoji.txt",
        "Emoji 👩‍👩‍👧 headline\n\nThey said “🇨🇦 is 👍🏽 today” loudly.".encode(),
        "open",
        "🇨🇦 is 👍🏽 today",
    ),
    (
        "cjk.txt",
        "東京の見出し\n\n彼は「東京は大きい」と言った。“北京也很大”她说。".encode(),
        "open",
        "東京は大きい",
    ),
    (
        "Café – élection 2024.txt",
        "Élection headline\n\nLe maire a dit « nous verrons ».".encode(),
        "open",
        "nous verrons",
    ),
    ("spaces in name.md", b"# A heading\n\nBody of **it**.", "open", "Body of it."),
]


def write_hostile_library(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data, _, _ in HOSTILE:
        (folder / name).write_bytes(data)
    return folder
