"""Writing text as Markdown that reads back as exactly that text.

Used for the articles Reader writes into the library and for exported quotes: a quote that
holds `*`, `_`, `[`, `#` or a leading `1.` stays a quote, not emphasis, a link or a list.
"""

from __future__ import annotations

import re

from reader.core.text import normalise

_MARKS = re.compile(r"([\\`*_\[\]<>&|~#])")
_ORDERED = re.compile(r"^(\d{1,9})[.)]")


def escape_markdown(text: str) -> str:
    """One line of text as Markdown that reads back as exactly that text."""
    escaped = _MARKS.sub(r"\\\1", " ".join(normalise(text).split()))
    if escaped[:1] in ("-", "+", "="):
        return "\\" + escaped  # not a list item, a rule or a heading underline
    number = _ORDERED.match(escaped)
    if number:
        return f"{number.group(1)}\\{escaped[number.end(1) :]}"  # not a numbered item
    return escaped
