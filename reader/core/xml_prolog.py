"""What an XML file declares before its first element, read before any parser sees it.

An internal DTD can declare entities that a parser expands: one entity of 300 characters,
used ten million times, is 30 KB zipped and gigabytes parsed (the "billion laughs").
Python's parsers (expat under ElementTree and feedparser) expand internal entities, and
their amplification limits still let gigabytes through. Files Reader reads as data (OPML,
a REFI-QDA project) never need a DTD, so one that declares one is refused; a feed may
carry an RSS 0.91 DOCTYPE, so only its entity declarations are dropped, and a reference
to one stays as the text it is.
"""

from __future__ import annotations

import re

_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)


def declares_dtd(data: bytes) -> bool:
    """Whether `data` declares a document type or any entity (anywhere: a declaration
    after the root's start is not XML, but a forgiving parser may still read it)."""
    return b"<!doctype" in data[:4096].lower() or b"<!entity" in data.lower()


def prolog_end(data: bytes) -> int:
    """Where the first element starts (the end of the prolog), or the end of `data`."""
    found = _FIRST_ELEMENT.search(data)
    return found.start() if found else len(data)


def without_entity_declarations(data: bytes) -> bytes:
    """`data` with the entity declarations of its prolog removed (the rest as it was)."""
    end = prolog_end(data)
    head = data[:end]
    if b"<!entity" not in head.lower():
        return data
    return _ENTITY_DECLARATION.sub(b"", head) + data[end:]
