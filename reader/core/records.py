"""The records of the database: articles, annotations, sources, themes, and what changed.

Plain data with no behaviour beyond building and copying itself. `Annotation` is a msgspec
Struct so that the database file decodes straight into it (validated, compact); the other
records are few and stay dataclasses.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Annotated, Any, Literal

import msgspec

from reader.core.codebook import clean_name, unique_names
from reader.core.coders import clean_coder
from reader.core.text import Quotation, clean_block, quotations

CONTEXT_CHARS = 32  # characters of context kept each side of a quote, for re-anchoring
# A character offset into an article's text (never past 2**53: a crafted 10**20 made search
# fail on an integer overflow)
Position = Annotated[int, msgspec.Meta(ge=0, le=2**53 - 1)]
# An article's id as an annotation names it: the range the articles table allows (a number
# past it, 2**70, opened but broke search and the app, and doctor --fix then wrote a
# placeholder article that no command would open).
ArticleId = Annotated[int, msgspec.Meta(ge=1, le=2**53 - 1)]
Kind = Literal["quotation", "passage"]
QUOTATION: Kind = "quotation"  # the speaker's own words, inside quote marks
PASSAGE: Kind = "passage"  # anything else: a paraphrase, context, a sentence
KINDS: tuple[Kind, ...] = (QUOTATION, PASSAGE)
QUICK_KEYS = range(1, 10)  # the number keys that apply a theme
_OPENING_MARKS = frozenset("\"“„«‘‚‹'")
_CLOSING_MARKS = frozenset("\"”»’›'")


def now() -> str:
    """The current time as stored: ISO 8601, UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """An article as the database knows it; `id` is stable and never reused.

    Reading state (optional fields, so files written before them load unchanged):
    `read` is False for an article a feed brought in and nobody opened yet (an article
    added by hand, or found in the folder, is taken as read); `archived` hides it from the
    library's default view (nothing is deleted, its annotations stay); `feed` is the
    address of the followed feed it came from.
    """

    id: int
    path: str
    title: str
    sha256: str
    size: int = 0
    mtime: float = 0.0
    added: str = ""
    author: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None
    missing: bool = False
    read: bool = True
    archived: bool = False
    feed: str | None = None


class Annotation(msgspec.Struct, frozen=True, gc=False):
    """A tagged passage `[start, end)` of an article's normalised text.

    `kind` says whether the passage is a quotation (the speaker's own words, quoted in the
    article) or a passage (anything else), so that a paraphrase never gets quote marks.
    `orphaned` is set when the article's text changed and the passage could not be found
    again: the annotation keeps its quote and everything else, and is never deleted.
    `coder` names who made the annotation or last edited it by hand (a codebook rename, a
    re-anchoring or an import keep it), so that two coders' work can be told apart.
    The mapping methods let TinyDB and `dict(annotation)` read it like a document.
    Its fields hold only strings, numbers and a tuple of strings, never a cycle, so the
    cyclic collector does not track it (`gc=False`: 16 bytes less each, and no collection
    walks 100,000 of them).
    """

    id: str
    article_id: ArticleId
    start: Position
    end: Position
    quote: str
    prefix: str = ""
    suffix: str = ""
    source: str | None = None
    themes: tuple[str, ...] = ()
    note: str = ""
    created: str = ""
    updated: str = ""
    orphaned: bool = False
    kind: Kind = PASSAGE
    coder: str = ""  # who made it or last edited it by hand ("" for unknown: schema 4 and older)

    @property
    def is_quotation(self) -> bool:
        return self.kind == QUOTATION

    def to_doc(self) -> dict[str, Any]:
        return {name: self[name] for name in self.__struct_fields__}

    def keys(self) -> tuple[str, ...]:
        return self.__struct_fields__

    def __getitem__(self, key: str) -> Any:
        if key == "themes":
            return list(self.themes)
        return getattr(self, key)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Annotation:
        """An annotation from a JSON-like dict; raises `msgspec.ValidationError` if malformed."""
        return msgspec.convert(doc, cls)


# Themes one annotation may carry. A coder gives a passage a few; a file giving one a
# million (67 MB of W3C) took the import to a gigabyte and a crash writing it.
MAX_THEMES = 200


class RecordError(ValueError):
    """A record that the database could not read back; the message names it and why."""


_ANNOTATION_ENCODER = msgspec.json.Encoder()
_ANNOTATION_DECODER = msgspec.json.Decoder(Annotation)


def checked(annotation: Annotation) -> Annotation:
    """`annotation` as loading the database would read it back, or `RecordError`.

    Every write goes through this: the record is encoded and decoded with the very schema
    the database file is loaded with (so `start=True`, a negative offset, a list where a
    name goes or a lone surrogate can never be stored to make the file unopenable), a
    passage must not end before it starts, and it has at most `MAX_THEMES` themes.
    """
    try:
        back = _ANNOTATION_DECODER.decode(_ANNOTATION_ENCODER.encode(annotation))
    except (msgspec.ValidationError, msgspec.EncodeError, UnicodeEncodeError, TypeError) as error:
        raise RecordError(f"annotation {annotation.id!r:.60}: {error}") from None
    if back.end < back.start:
        raise RecordError(
            f"annotation {back.id}: ends ({back.end}) before it starts ({back.start})"
        )
    if len(back.themes) > MAX_THEMES:
        raise RecordError(
            f"annotation {back.id}: {len(back.themes):,} themes, more than the {MAX_THEMES} "
            "one passage may have"
        )
    return back


class DatabaseFile(msgspec.Struct, forbid_unknown_fields=True):
    """The shape of the database file, for decoding and validating it. The annotations are
    kept as their raw JSON, decoded with `ANNOTATIONS_TABLE` in a second step (the store
    may do it after the first frame is drawn)."""

    meta: dict[str, dict[str, Any]] = {}
    articles: dict[str, dict[str, Any]] = {}
    annotations: msgspec.Raw = msgspec.Raw(b"{}")
    sources: dict[str, dict[str, Any]] = {}
    themes: dict[str, dict[str, Any]] = {}
    deleted: dict[str, dict[str, Any]] = {}  # (schema 6: when each annotation was deleted)


ANNOTATIONS_TABLE = msgspec.json.Decoder(dict[str, Annotation])


TABLES = DatabaseFile.__struct_fields__


@dataclass(frozen=True, slots=True)
class Source:
    """A codebook entry for who speaks: a person or an organisation."""

    name: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Theme:
    """A codebook entry for a topic label; `colour` is empty until the user picks one.

    `key` is its quick key (1-9, 0 for none): given once, when the theme is first used, and
    kept until the user moves or clears it, so the numbers under the fingers never move.
    """

    name: str
    colour: str = ""
    description: str = ""
    key: int = 0


def entry_document(entry: Source | Theme) -> dict[str, Any]:
    """A codebook entry as the database stores it: `dataclasses.asdict` without its deep
    copies (the fields are strings and numbers), a tenth of its time over the 300,000
    themes a large import can bring."""
    if isinstance(entry, Theme):
        return {
            "name": entry.name,
            "colour": entry.colour,
            "description": entry.description,
            "key": entry.key,
        }
    return {"name": entry.name, "description": entry.description}


@dataclass(frozen=True)
class Change:
    """What one write changed, as listeners hear it (an edit is a removal and an addition).
    `loaded`: not a change but the annotations arriving after a lazy open (all of them, in
    `added`)."""

    added: tuple[Annotation, ...] = ()
    removed: tuple[Annotation, ...] = ()
    articles: tuple[ArticleRecord, ...] = field(default=())
    loaded: bool = False

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.articles)


Listener = Callable[[Change], None]


def new_annotation(
    article_id: int,
    text: str,
    start: int,
    end: int,
    *,
    source: str | None = None,
    themes: Iterable[str] = (),
    note: str = "",
    kind: Kind | None = None,
    coder: str = "",
) -> Annotation:
    """A new annotation of `text[start:end]` by `coder`, with its context for re-anchoring;
    its kind is `kind`, else worked out from the marks around it (`kind_of`)."""
    stamp = now()
    return Annotation(
        id=uuid.uuid4().hex,
        article_id=article_id,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        source=clean_name(source) if source else None,
        themes=tuple(unique_names(themes)),
        note=clean_block(note),
        created=stamp,
        updated=stamp,
        kind=kind or kind_of(text, start, end),
        coder=clean_coder(coder),
    )


def kind_of(text: str, start: int, end: int) -> Kind:
    """`quotation` when `text[start:end]` lies inside the marks of a quotation (the whole of
    it or a part: both are the speaker's own words); else `passage`. Reads only the few
    paragraphs around the span."""
    if start >= end:
        return PASSAGE
    window_start, window_end = start, end
    for _ in range(4):  # a quotation may run over several paragraphs
        window_start = max(0, text.rfind("\n\n", 0, max(window_start - 1, 0)))
        found = text.find("\n\n", window_end + 1)
        window_end = len(text) if found < 0 else found
    quotes = _window_quotations(text, window_start, window_end)
    return kind_in(quotes, start - window_start, end - window_start)


@lru_cache(maxsize=8)
def _window_quotations(text: str, start: int, end: int) -> tuple[Quotation, ...]:
    """The quotations of `text[start:end]`, kept for the next spans of the same window: an
    import of 5,000 spans into one long paragraph read that paragraph's marks 5,000 times (a
    string's hash is kept in it, so a lookup costs no reading of the text)."""
    return tuple(quotations(text[start:end]))


def kind_in(quotes: Iterable[Quotation], start: int, end: int) -> Kind:
    """`quotation` when `[start, end)` lies inside one of `quotes`' marks; else `passage`."""
    inside = any(q.inner.start <= start and end <= q.inner.end for q in quotes)
    return QUOTATION if inside and start < end else PASSAGE


def edited(annotation: Annotation, **changes: Any) -> Annotation:
    """A copy of `annotation` with `changes` applied and `updated` set to now. An edit by
    hand passes `coder=` (the editor becomes its coder); bulk edits (codebook renames)
    leave it."""
    if "coder" in changes:
        changes["coder"] = clean_coder(changes["coder"] or "")
    if "themes" in changes:
        changes["themes"] = tuple(unique_names(changes["themes"]))
    if "source" in changes:
        changes["source"] = clean_name(changes["source"]) if changes["source"] else None
    if "note" in changes:
        changes["note"] = clean_block(changes["note"] or "")
    return msgspec.structs.replace(annotation, **changes, updated=now())


def placed(annotation: Annotation, text: str, start: int, end: int) -> Annotation:
    """`annotation` moved to `text[start:end]`: quote and context follow the new text."""
    return msgspec.structs.replace(
        annotation,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        orphaned=False,
    )
