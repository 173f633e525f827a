"""Whose annotation a key may change, and a tag that repeats one already made.

In a library shared by several coders, the keys that edit in one stroke (the quick theme
keys, `.`, `a`) change only the user's own annotations: an annotation of another coder is
theirs to keep for `reader agree`, so a key on it gives the user an annotation of their own
on the same span instead, and the other coder's stays as it was (coder, themes, time).
Annotations made before coders were kept (coder `""`) count as the user's own: in a
library of one coder they are all theirs, and `reader recode` names them.

Tagging a span the user tagged already with the same source makes no second annotation:
`merged` is what the existing one becomes with the new themes and note added.
Plain functions over annotation records; nothing here knows the screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.codebook import name_key, unique_names
from reader.core.records import Annotation, Kind, edited


def is_own(annotation: Annotation, coder: str) -> bool:
    """True when `coder` may change `annotation` by a key: theirs, or nobody's."""
    return annotation.coder in (coder, "")


def same_span(annotations: Iterable[Annotation], start: int, end: int) -> list[Annotation]:
    """The annotations of exactly `[start, end)` (orphans, whose span is stale, left out)."""
    return [a for a in annotations if a.start == start and a.end == end and not a.orphaned]


def same_tag(
    annotations: Iterable[Annotation], start: int, end: int, source: str | None
) -> list[Annotation]:
    """The annotations of exactly `[start, end)` with the same source (or both none)."""
    key = name_key(source or "")
    return [a for a in same_span(annotations, start, end) if name_key(a.source or "") == key]


def merged(
    existing: Annotation,
    themes: Iterable[str],
    note: str,
    kind: Kind,
    coder: str,
) -> Annotation:
    """`existing` with `themes` added after its own and `note` added as a new paragraph
    (unless it holds it already): what tagging the same span and source again means."""
    notes = existing.note
    note = note.strip()
    if note and note not in notes:
        notes = f"{notes}\n\n{note}" if notes else note
    return edited(
        existing,
        themes=unique_names([*existing.themes, *themes]),
        note=notes,
        kind=kind,
        coder=coder,
    )
