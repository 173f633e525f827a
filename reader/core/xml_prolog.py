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
from xml.parsers import expat

_ENTITY_KEYWORD = re.compile(rb"<!ENTITY", re.IGNORECASE)


class _Declared(Exception):
    pass


class _Rooted(Exception):
    pass


def declares_dtd(data: bytes) -> bool:
    """Whether `data` declares a document type or any entity (anywhere: a declaration
    after the root's start is not XML, but a forgiving parser may still read it). In an
    encoding whose bytes do not spell the declaration (UTF-16, UTF-32, EBCDIC), expat reads
    the prolog as the parser after it would, to its root element."""
    if b"<!doctype" in data[:4096].lower() or b"<!entity" in data.lower():
        return True
    parser = expat.ParserCreate()

    def declared(*_: object) -> None:
        raise _Declared

    def rooted(*_: object) -> None:
        raise _Rooted

    parser.StartDoctypeDeclHandler = declared
    parser.EntityDeclHandler = declared
    parser.StartElementHandler = rooted
    try:
        parser.Parse(data, True)
    except _Declared:
        return True
    except (_Rooted, expat.ExpatError, ValueError, LookupError):
        return False  # (the parser after it says what is wrong with the rest)
    return False


def without_entity_declarations(data: bytes) -> bytes:
    """`data` (ASCII-compatible bytes) with every entity declaration made inert: the keyword
    `<!ENTITY` is removed wherever it stands, so no entity can be declared, however the
    prolog hides it (a comment holding "<a" had ended the search for declarations before
    them), and a reference stays as the text it is. Linear in the size of `data`."""
    if b"<!entity" not in data.lower():
        return data
    return _ENTITY_KEYWORD.sub(b"", data)
