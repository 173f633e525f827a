"""The rule for one annotation id found with two different contents (two coders' copies).

Merging two databases (`reader import`, `reader merge-driver`) matches annotations by id.
When both sides hold an id with different content:

- the version with the newer `updated` keeps the id (equal times: the one whose content
  sorts later, so that the answer does not depend on which side is "ours"); times are
  compared as moments, and one that is no time ("", "zzzz") or more than a day ahead of
  the clock counts as the oldest of all, so that a file cannot be made to win every merge;
- the other version is kept as well, under an id made from its own content, when it is
  another coder's and its coding differs (span, source, themes, note or kind): both
  coders' work survives, and each coder's annotations stay theirs for `reader agree`;
- otherwise (the same coder's earlier version, or a change of coder name only, as
  `reader recode` makes) the older version is superseded and dropped.

An id deleted outright stays deleted when a version no newer than the deletion comes in
again (`stays_deleted`): a teammate's file made before you deleted it does not undo that.

Because the kept copy's id is derived from its content, merging the same file again finds
it already there: a second merge changes nothing.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import msgspec

from reader.core.codebook import name_key
from reader.core.coders import coder_key
from reader.core.records import Annotation

_COPY_NAMESPACE = uuid.UUID("3d0f5f0e-8f43-4a1c-9a57-6c9b0e7d2f19")
_ENCODER = msgspec.json.Encoder(order="deterministic")
_NEVER = datetime.min.replace(tzinfo=UTC)
_CLOCK_SKEW = timedelta(days=1)  # how far ahead a coder's clock may be and still count


def coding(annotation: Annotation) -> tuple[object, ...]:
    """What a coder decided about a passage (not who, not when)."""
    return (
        annotation.article_id,
        annotation.start,
        annotation.end,
        annotation.source,
        annotation.themes,
        annotation.note,
        annotation.kind,
    )


def same_content(one: Annotation, other: Annotation) -> bool:
    """Whether two versions of an annotation are the same for a merge (the context kept for
    re-anchoring and the orphaned flag follow the text; they are not a coder's decision)."""
    return coding(one) == coding(other) and one.coder == other.coder and one.quote == other.quote


def keyed_coding(annotation: Annotation) -> tuple[object, ...]:
    """`coding`, its names in the form the codebook compares them in: a teammate's "KCNA"
    and "military" are our "kcna" and "Military" (an import spells names as our codebook
    does, so the copy it keeps reads differently from the file's version)."""
    return (
        annotation.article_id,
        annotation.start,
        annotation.end,
        name_key(annotation.source or ""),
        tuple(name_key(theme) for theme in annotation.themes),
        annotation.note,
        annotation.kind,
    )


def same_coding(one: Annotation, other: Annotation) -> bool:
    """`same_content` with names compared as the codebook compares them."""
    return (
        keyed_coding(one) == keyed_coding(other)
        and one.coder == other.coder
        and one.quote == other.quote
    )


def copy_id(annotation: Annotation) -> str:
    """The id a losing version is kept under: the same for the same content, every time,
    in every library. Made from what two libraries agree on: not the article's number in
    either (the same article is 5 in one and 6 in another), nor the names' spelling, nor
    the context kept for re-anchoring (two teammates keeping one version beside theirs had
    given it two ids, and each later merge brought the other's in as a second copy)."""
    parts = (
        annotation.id,
        annotation.start,
        annotation.end,
        annotation.quote,
        name_key(annotation.source or ""),
        [name_key(theme) for theme in annotation.themes],
        annotation.note,
        annotation.kind,
        annotation.coder,
        annotation.created,
        annotation.updated,
    )
    return uuid.uuid5(_COPY_NAMESPACE, _ENCODER.encode(parts).decode()).hex


def _latest() -> datetime:
    """The latest moment a time may be and still count: now, with a coder's clock a day
    ahead allowed."""
    return datetime.now(UTC) + _CLOCK_SKEW


def copy_ids(first: str) -> Iterator[str]:
    """The ids a kept version may go under, in order: `first` (its `copy_id`), then others
    made from it, the same on every machine. A later one serves when a record of different
    content holds the one before: the copy id is made from content a teammate has, so a
    file can hold a record of its own under it, which would otherwise have taken the kept
    version's place."""
    yield first
    for attempt in itertools.count(1):
        yield uuid.uuid5(_COPY_NAMESPACE, f"{first}:{attempt}").hex


def placed_beside(
    kept: Annotation, holder: Callable[[str], Annotation | None]
) -> Annotation | None:
    """The version `kept` beside another, under the first id of its chain (`copy_ids`)
    that `holder` (id -> the record there, if any) shows free; None when a record of the
    chain before it already holds it, the same (kept beside by an earlier merge)."""
    for place in copy_ids(kept.id):
        found = holder(place)
        if found is None:
            return msgspec.structs.replace(kept, id=place)
        if same_coding(found, kept):
            return None
    raise AssertionError("copy_ids never ends")  # pragma: no cover


def newer(one: str, other: str) -> bool:
    """Whether the time `one` is later than `other` as moments (`moment`): a text that is no
    time ("zzzz") or lies beyond the clock is never the later one."""
    latest = _latest()
    return moment(one, latest) > moment(other, latest)


def resolve(ours: Annotation, theirs: Annotation) -> tuple[Annotation, Annotation | None]:
    """The version that keeps the id, and the other one to keep under `copy_id` (or None).

    Call only for two versions of one id whose content differs (`same_content` is False).
    """
    latest = _latest()
    order = (moment(ours.updated, latest), _ENCODER.encode(ours)) >= (
        moment(theirs.updated, latest),
        _ENCODER.encode(theirs),
    )
    winner, loser = (ours, theirs) if order else (theirs, ours)
    other_coder = coder_key(loser.coder) != coder_key(winner.coder)
    if other_coder and keyed_coding(loser) != keyed_coding(winner):
        return winner, msgspec.structs.replace(loser, id=copy_id(loser))
    return winner, None


# The fields that place an annotation in its article: one change, taken together or not.
_PLACE = ("article_id", "start", "end", "quote", "prefix", "suffix", "orphaned")


def _changes(old: Annotation, new: Annotation) -> dict[str, object]:
    """What `new` changed of `old`, by field (the place as one, under "place"; not the
    time of the change)."""
    changed: dict[str, object] = {
        name: getattr(new, name)
        for name in new.__struct_fields__
        if name not in _PLACE and name != "updated" and getattr(new, name) != getattr(old, name)
    }
    if any(getattr(new, name) != getattr(old, name) for name in _PLACE):
        changed["place"] = tuple(getattr(new, name) for name in _PLACE)
    return changed


def both_changes(old: Annotation, mine: Annotation, theirs: Annotation) -> Annotation | None:
    """One coder's two versions of `old` merged field by field: what one side changed and
    the other did not is that side's (a note written on one copy and a codebook rename, or
    a disagreement settled in comparison mode, made on the other: the later version had
    superseded the other whole, and the settled themes went back); a field changed two
    ways is the later version's (`resolve`'s order). None for two coders' versions (kept
    apart, as `resolve` keeps them)."""
    coders = {coder_key(mine.coder), coder_key(theirs.coder)}
    if len(coders) > 1 and coder_key(old.coder) not in coders:
        return None  # (two coders' versions; one side's recode of the coder is one change)
    ours, their = _changes(old, mine), _changes(old, theirs)
    later = mine if _is_later(mine, theirs) else theirs
    fields = {**ours, **their}
    for name in ours.keys() & their.keys():
        fields[name] = (ours if later is mine else their)[name]
    if "themes" in ours and "themes" in their:  # (a rename here, a theme added there)
        fields["themes"] = _themes_merged(old.themes, mine.themes, theirs.themes, later.themes)
    place = fields.pop("place", None)
    if place is not None:
        fields.update(zip(_PLACE, place, strict=True))  # type: ignore[call-overload]
    return msgspec.structs.replace(old, **fields, updated=later.updated)


def _is_later(one: Annotation, other: Annotation) -> bool:
    """Whether `one` is the later of two versions, in `resolve`'s order."""
    latest = _latest()
    return (moment(one.updated, latest), _ENCODER.encode(one)) >= (
        moment(other.updated, latest),
        _ENCODER.encode(other),
    )


def _themes_merged(
    old: tuple[str, ...], mine: tuple[str, ...], theirs: tuple[str, ...], later: tuple[str, ...]
) -> tuple[str, ...]:
    """Themes both sides changed, merged as sets against the common version: what either
    added is in, what either took out is out (a rename on one copy and a theme added on the
    other: the later version had undone the rename), in the later version's order first."""
    base = set(old)
    kept = (set(mine) | set(theirs)) - (base - set(mine)) - (base - set(theirs))
    order = [*later, *mine, *theirs]
    return tuple(dict.fromkeys(theme for theme in order if theme in kept))


def stays_deleted(deleted_at: str | None, updated: str) -> bool:
    """Whether a version last changed at `updated` is one its deletion at `deleted_at`
    already saw: a version no newer than the deletion (or with no time) stays deleted; one
    changed after it (another coder edited it since) comes back. A deletion time that is no
    time, or lies ahead of the clock, deletes nothing: a file cannot delete by a date."""
    if deleted_at is None:
        return False
    latest = _latest()
    deleted = moment(deleted_at, latest)
    return deleted != _NEVER and moment(updated, latest) <= deleted


def is_deletion_time(stamp: str) -> bool:
    """Whether `stamp` can date a deletion (`stays_deleted`): an ISO 8601 time no later than
    the clock allows; a deletion dated otherwise deletes nothing, and is not kept."""
    return moment(stamp, _latest()) != _NEVER


def moment(stamp: str, latest: datetime) -> datetime:
    """`stamp` as a moment to compare by; the earliest of all when it is no ISO 8601 time
    or lies after `latest` (a clock set years ahead, or a file dated 9999 to win merges)."""
    try:
        when = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return _NEVER
    when = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    return when if when <= latest else _NEVER
