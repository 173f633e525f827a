"""Annotations coming back in (from W3C, JSON or REFI-QDA files), placed in the library.

Each incoming annotation names its article by whatever its format keeps: the path in the
library, the web address or `file://` URI, the SHA-256 of the text, or the title. Its
stored position is used when the quote is still there; else it is re-anchored the way an
edited article's annotations are (quote, prefix and suffix); an annotation whose article
is not in the library is reported, not imported. A format whose positions may count
either code points or UTF-16 code units (W3C) leaves `Incoming.unit` unset, and the
position is read in the unit that puts the quote there (`position_units.read_span`); the
report counts which unit each annotation was read in. An annotation already in the database
(same id, same content) is skipped, so importing a file twice adds nothing twice; one deleted
here after the file's version of it (`core.merge_rule.stays_deleted`) stays deleted, and one
the file's coder deleted after our version (a teammate's reader.json keeps its deletions)
is deleted here, as git's merge driver deletes it. The same
id with different content (another coder's copy of the library, say) is settled by
`core.merge_rule`: the newer version keeps the id, and another coder's different coding is
kept beside it, so that nothing either coder did is lost. A file's times are read as ISO
8601 and stored as Reader stores its own (UTC, to the second); one that is no time is taken
as absent, and a version whose file gives no time, or a time that is none, never replaces
ours (dated when it is imported, it would be newer than every edit of ours).
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

import msgspec

from reader.annotations.codebook_edits import THEME, rename_in_recent_tags
from reader.core.anchoring import reanchor
from reader.core.codebook import clean_name, fold_name, name_key, unique_names
from reader.core.coders import clean_coder
from reader.core.merge_rule import (
    is_deletion_time,
    keyed_coding,
    newer,
    placed_beside,
    resolve,
    same_coding,
    stays_deleted,
)
from reader.core.records import (
    KINDS,
    PASSAGE,
    Annotation,
    ArticleRecord,
    RecordError,
    checked,
    kind_of,
    now,
)
from reader.core.text import clean_block, normalise, shown_name
from reader.core.text_units import CODEPOINTS, codepoint_to_utf16
from reader.interchange.fields import clean_text
from reader.interchange.position_units import read_span
from reader.library.article_files import ArticleError
from reader.library.folder import Library
from reader.storage.database import Store


@dataclass
class Incoming:
    """One annotation read from a file, not yet placed in the library."""

    id: str
    quote: str
    start: int | None = None
    end: int | None = None
    prefix: str = ""
    suffix: str = ""
    source: str | None = None
    themes: tuple[str, ...] = ()
    note: str = ""
    created: str = ""
    updated: str = ""
    article_path: str = ""
    article_uri: str = ""
    article_sha256: str = ""
    article_title: str = ""
    kind: str | None = None  # "quotation" / "passage"; None: worked out from the text
    unit: str | None = CODEPOINTS  # what start/end count; None: the unit that fits the quote
    prefer: str = CODEPOINTS  # the unit to read an unset `unit` in when the quote cannot tell
    read_as: str = ""  # the unit the positions were read in, when it was worked out
    coder: str | None = None  # None: the file does not say (an annotation there keeps its own)


@dataclass(frozen=True)
class IncomingText:
    """An article's text a file carries whole (a REFI-QDA project's source): what an import
    into a library that lacks the article adds, so that the project stands on its own."""

    title: str
    text: str


@dataclass
class IncomingFile:
    """What a file held: its annotations, the records refused while reading it (each "id:
    why"), and the source descriptions and theme colours and descriptions it carries."""

    items: list[Incoming] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    descriptions: dict[str, str] = field(default_factory=dict)
    themes: dict[str, tuple[str, str]] = field(default_factory=dict)  # name: (colour, description)
    # The ids the file's coder deleted, and when (a teammate's reader.json: its `deleted`)
    deletions: dict[str, str] = field(default_factory=dict)
    # The texts the file's coder has beside it, as they annotated them (their SHA-256s): a
    # deletion is taken only of an annotation of one of them
    deleters_articles: set[str] = field(default_factory=set)
    # The articles' texts the file carries (a .qdpx's sources), by their SHA-256
    texts: dict[str, IncomingText] = field(default_factory=dict)
    # Every entry of the file's codebook, ("source" or "theme", name): those no annotation
    # uses come in too, as a study's codebook set up first does
    codebook: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import did: annotations added, already present, updated to the file's newer
    version, kept beside ours (another coder's different coding of the same id), left out
    because they were deleted here after the file's version (`deleted`), refused (why), not
    placed (why), and how many had their positions read in each unit (`position_units`)."""

    added: list[Annotation] = field(default_factory=list)
    present: int = 0
    updated: list[Annotation] = field(default_factory=list)
    copies: int = 0  # theirs kept beside ours (ours newer, another coder's coding)
    ours_beside: int = 0  # ours kept beside their newer version (in `added`, under a new id)
    deleted: int = 0
    deleted_there: int = 0  # ours deleted as the file's coder deleted them (after our version)
    deletions_unseen: int = 0  # their deletions of ours on articles the file came without
    orphaned: int = 0
    # The notes of superseded versions (the same coder's older version) that the version
    # kept lacks: a codebook rename made after a teammate's edit supersedes it whole, and
    # without a common ancestor a merge cannot tell which of the two changed the note.
    notes_dropped: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    units: Counter[str] = field(default_factory=Counter)
    # Records the file held twice, differently, whose other version is kept: "id: why"
    twice: list[str] = field(default_factory=list)
    codebook_added: int = 0  # codebook entries of the file, used by no annotation, added


def annotation_id(value: str) -> str:
    """Reader's id for an incoming id: a UUID's hex, else a stable UUID made from the id."""
    text = value.removeprefix("urn:uuid:").strip("{}")
    try:
        return uuid.UUID(text).hex
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, value).hex


def as_uuid(annotation_id: str) -> str:
    """An annotation id as a UUID string (Reader's ids are UUID hex; others are hashed)."""
    try:
        return str(uuid.UUID(annotation_id))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, annotation_id))


def import_incoming(store: Store, library: Library, incoming: IncomingFile) -> ImportReport:
    """Place and save the incoming annotations (one write); see the module docstring.

    Each annotation is checked as loading the database checks it before anything is
    written: one that fails is refused with its id, the others are saved. The merge reads
    and writes under the database's lock, so a save another Reader makes meanwhile (an
    annotation deleted or edited in the app) is taken into it, never undone by it.
    """
    with store.batch():
        return _import(store, library, incoming)


def _import(store: Store, library: Library, incoming: IncomingFile) -> ImportReport:
    library.scan()
    report = ImportReport(refused=list(incoming.refused))
    texts: dict[int, str | None] = {}
    beside: list[tuple[Annotation, bool]] = []  # versions to keep beside, and whether ours won
    first: dict[str, Incoming] = {}
    held: dict[int, set[tuple[object, ...]]] = {}  # what each article holds (`_held_already`)
    # (ids the file holds or deletes: those are merged by id, never matched by content)
    brought = {annotation_id(item.id) for item in incoming.items} | set(incoming.deletions)
    for item in _newest_of_each_id(incoming.items, report):
        key = annotation_id(item.id)
        if key in first:
            report.present += 1  # (the same record twice in the file)
            continue
        first[key] = item
        if stays_deleted(store.deleted_at(key), _time(item.updated or item.created)):
            report.deleted += 1  # deleted here after this version: it stays deleted
            continue
        record = _article_of(store, library, item, store.annotation(key))
        if record is None:
            where = item.article_path or item.article_uri or item.article_title or "unknown"
            report.unplaced.append(
                f"“{clean_text(item.quote)[:50]}”: its article ({shown_name(where[:120])}) is not "
                "in the library"
            )
            continue
        if record.id not in texts:
            texts[record.id] = _text(library, record)
        text = texts[record.id]
        past_end = (  # (a position alone past the text's end in either unit: refused below,
            # never cut to the end by the reading, which would select the text's tail)
            not item.quote
            and text is not None
            and item.end is not None
            and item.end > codepoint_to_utf16(text, len(text))
        )
        if item.unit is None and text is not None and not past_end:
            _read_positions(item, text)
        if not item.quote and text is not None and item.start is not None and item.end is not None:
            if not 0 <= item.start < item.end <= len(text):
                report.refused.append(
                    f"{item.id[:80]}: its position {item.start}-{item.end} is not a passage of "
                    f"its article ({len(text)} characters) and it holds no quote"
                )
                continue
            item.quote = text[item.start : item.end]  # a position alone names the passage
        if not item.quote:
            report.refused.append(f"{item.id[:80]}: names no passage (no quote, no position)")
            continue
        existing = store.annotation(key)
        try:
            annotation = checked(_placed(item, key, record, text, existing))
        except RecordError as error:
            report.refused.append(f"{item.id[:80]}: {error}")
            continue
        if existing is None and _held_already(store, annotation, held, brought):
            # The same coder's same coding under another id: a version two teammates each
            # kept beside theirs before copies had one id everywhere (it came back as a
            # second copy at every merge)
            report.present += 1
            continue
        if existing is None:
            report.orphaned += annotation.orphaned
            report.added.append(annotation)
        else:
            taken = len(report.added) + len(report.updated)
            dated = bool(_time(item.updated or item.created))  # (a time given must be one)
            _merge_one(store, existing, annotation, report, beside, dated=dated)
            if len(report.added) + len(report.updated) == taken:
                continue  # nothing of it taken: its positions were not read for anything
        if item.read_as:
            report.units[item.read_as] += 1
    _keep_beside(store, beside, report, held, brought)
    before = {
        a.id: ours.themes for a in report.updated if (ours := store.annotation(a.id)) is not None
    }
    keyed = {name_key(name) for name in store.quick_themes().values()}
    if report.added or report.updated:
        store.save_annotations([*report.added, *report.updated])
    _keys_follow_renames(store, before, report.updated, keyed)
    for name, description in incoming.descriptions.items():
        if description and name.strip():
            store.describe_source(name, description)
    _describe_themes(store, incoming.themes)
    report.codebook_added = _add_codebook(store, incoming.codebook)
    _take_deletions(store, incoming, set(first), report)
    return report


MAX_CODEBOOK_ADDED = 2000  # entries one import adds beside those its annotations use


def _add_codebook(store: Store, entries: list[tuple[str, str]]) -> int:
    """Add the file's codebook entries the library lacks (by `fold_name`: "Amelie Cote" is
    not added beside "Amélie Côté"), at most `MAX_CODEBOOK_ADDED`; how many were added."""
    have = {
        "source": {fold_name(s.name) for s in store.sources()},
        "theme": {fold_name(t.name) for t in store.themes()},
    }
    added = 0
    with store.batch():
        for kind, name in entries:
            if added >= MAX_CODEBOOK_ADDED:
                break
            folded = fold_name(clean_name(name))
            if not folded or folded in have[kind]:
                continue
            if store.add_to_codebook(kind, name) is not None:
                have[kind].add(folded)
                added += 1
    return added


def _keys_follow_renames(
    store: Store, before: dict[str, tuple[str, ...]], updated: list[Annotation], keyed: set[str]
) -> None:
    """A theme a teammate renamed, read from the versions the import took: each of ours
    that lost theme T gained one theme U in its place, and T is used no more. T's quick key
    goes to U, unless U had a key of its own before the import (`keyed`): the key stayed on
    T, unused and hidden from the codebook, and tagged the old name (a team's finding). T
    then leaves the codebook, merged into U."""
    gained: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for annotation in updated:
        old = {name_key(t): t for t in before.get(annotation.id, ())}
        new = {name_key(t): t for t in annotation.themes}
        lost, won = old.keys() - new.keys(), new.keys() - old.keys()
        for key in lost:
            gained.setdefault(key, set()).add(next(iter(won)) if len(lost) == len(won) == 1 else "")
        names.update(new)
    usage = {name_key(name) for name, count in store.theme_usage().items() if count}
    renamed = {
        old: names[next(iter(into))]
        for old, into in gained.items()
        if len(into) == 1 and "" not in into and old not in usage
    }
    for number, name in store.quick_themes().items():
        target = store.theme(renamed.get(name_key(name), ""))
        if target is not None and name_key(target.name) not in keyed:
            store.set_theme_key(target.name, number)
    for was, now_named in renamed.items():
        rename_in_recent_tags(store, THEME, [was], now_named)
        retired = store.theme(was)
        if retired is not None and store.theme(now_named) is not None:
            # the old name leaves the codebook as git's merge driver takes it out (the tag
            # dialog went on offering it, to code with a name the team had retired; a
            # newcomer team's finding), its colour and description kept where the new lacks them
            store.update_theme(retired.name, new_name=now_named)


_READER_ID = re.compile(r"[0-9a-f]{32}")  # an annotation id as Reader keeps it (`annotation_id`)


def _take_deletions(
    store: Store, incoming: IncomingFile, held: set[str], report: ImportReport
) -> None:
    """Delete ours that the file's coder deleted after our version was made, as the merge
    driver does (an id we changed after their deletion stays, and is no longer deleted);
    their other deletions are recorded, so an older copy coming in later stays deleted.
    Only a deletion of an id Reader makes, dated by a time that can date one, and of no
    annotation the file itself still holds, is taken: the rest could delete nothing and
    would only be carried on (150,000 of them made an 11 MB database; found by an attack).
    Nor does a file delete an annotation of an article whose text it does not hold: its
    coder never saw it (a crafted file of deletions alone, its ids read off an export, deleted every
    annotation of the library; found by an attack)."""
    taken = {}
    records = {record.id: record for record in store.articles()}
    for key, at in incoming.deletions.items():
        if key in held or not _READER_ID.fullmatch(key) or not is_deletion_time(at):
            continue
        ours = store.annotation(key)
        if ours is not None and not _seen_by(records.get(ours.article_id), incoming):
            report.deletions_unseen += 1  # (said: a team's `reader.json` copied alone)
            continue
        if ours is None or stays_deleted(at, ours.updated):
            taken[key] = at
    report.deleted_there = len(store.take_deletions(taken))


def _seen_by(record: ArticleRecord | None, incoming: IncomingFile) -> bool:
    """Whether the file's coder has this article of ours, its text as ours is, in their
    folder (a record with our path and other words, or with our text's hash and no text, is
    no evidence: attacks deleted through both)."""
    return (
        record is not None and bool(record.sha256) and record.sha256 in incoming.deleters_articles
    )


_HEX6 = re.compile(r"#[0-9a-fA-F]{6}")  # a colour as the codebook keeps it


def _describe_themes(store: Store, themes: dict[str, tuple[str, str]]) -> None:
    """Give the codebook's themes the file's colour and description where they have none
    (the library's own choice is never overwritten)."""
    for name, (colour, description) in themes.items():
        theme = store.theme(name) if name.strip() else None
        if theme is None:
            continue
        colour = colour.lower() if _HEX6.fullmatch(colour) and not theme.colour else ""
        description = description if not theme.description else ""
        if colour or description.strip():
            store.update_theme(name, colour=colour or None, description=description.strip() or None)


def _read_positions(item: Incoming, text: str) -> None:
    """Put `item`'s positions in code points, read in the unit that fits its quote."""
    if item.start is None or item.end is None:
        return
    reading = read_span(text, item.start, item.end, item.quote, prefer=item.prefer)
    item.start, item.end, item.unit, item.read_as = (
        reading.start,
        reading.end,
        CODEPOINTS,
        reading.unit,
    )


def _held_already(
    store: Store,
    annotation: Annotation,
    held: dict[int, set[tuple[object, ...]]],
    brought: Container[str],
) -> bool:
    """Whether the database holds `annotation`'s coding, by its coder, under another id
    (`held`: each article's, read once) that the file neither holds nor deletes: the same
    version kept beside under two ids by two Readers. One the file holds or deletes is
    merged by its id (a passage deleted and tagged again alike in the file is its new
    annotation, not ours again; so is a second annotation tagged alike beside it)."""
    if annotation.article_id not in held:
        held[annotation.article_id] = {
            (*keyed_coding(a), a.coder, a.quote)
            for a in store.annotations_for(annotation.article_id)
            if a.id not in brought
        }
    return (*keyed_coding(annotation), annotation.coder, annotation.quote) in held[
        annotation.article_id
    ]


def _merge_one(
    store: Store,
    existing: Annotation,
    annotation: Annotation,
    report: ImportReport,
    beside: list[tuple[Annotation, bool]],
    *,
    dated: bool = True,
) -> None:
    """An annotation whose id is already in the database: the same, newer, or another
    coder's version kept beside ours (`core.merge_rule`; put in `beside`, placed once the
    whole file is read). An undated one (`dated` False: its time is the import's) is
    compared as the oldest, so it never supersedes ours."""
    if same_coding(existing, annotation):  # (names as our codebook spells them, or not)
        report.present += 1
        return
    contender = annotation if dated else msgspec.structs.replace(annotation, updated="")
    winner, kept = resolve(existing, contender)
    if winner is contender:
        report.updated.append(annotation)
    loser = existing if winner is contender else annotation
    if kept is None and loser.note.strip() and loser.note != winner.note:
        report.notes_dropped.append(loser.note)
    if kept is not None and not kept.updated:  # (the undated version, kept beside ours)
        kept = msgspec.structs.replace(kept, updated=annotation.updated)
    if kept is not None and stays_deleted(store.deleted_at(kept.id), kept.updated):
        report.deleted += 1  # the copy kept beside ours once, and deleted since
    elif kept is not None:
        beside.append((kept, winner is not annotation))
    elif winner is not annotation:
        report.present += 1


def _keep_beside(
    store: Store,
    beside: list[tuple[Annotation, bool]],
    report: ImportReport,
    held: dict[int, set[tuple[object, ...]]],
    brought: Container[str],
) -> None:
    """Place each version kept beside another: under its copy id, or the next of the chain
    (`copy_ids`) when a record of other content holds it, ours or one the file brings (the
    copy id is made from content the teammate has, so their file can hold a record of its
    own there, which took the kept version's place: ours, lost). One already there, the
    same, is not added again."""
    added = {a.id: a for a in report.added}
    for kept, ours_won in beside:
        copy = placed_beside(kept, lambda place: store.annotation(place) or added.get(place))
        if copy is not None and _held_already(store, copy, held, brought):
            copy = None  # (kept beside already, under the id an earlier Reader gave it)
        if copy is None:
            report.present += ours_won  # (kept beside ours by an earlier merge already)
            continue
        added[copy.id] = copy
        report.added.append(copy)
        report.copies += ours_won
        report.ours_beside += not ours_won


def _placed(
    item: Incoming,
    key: str,
    record: ArticleRecord,
    text: str | None,
    existing: Annotation | None = None,
) -> Annotation:
    stamp = now()
    coder = item.coder if item.coder is not None else (existing.coder if existing else "")
    quote = normalise(item.quote)  # (an article's text is normalised: so is what matches it)
    annotation = Annotation(
        id=key,
        article_id=record.id,
        start=item.start if item.start is not None else 0,
        end=item.end if item.end is not None else len(quote),
        quote=quote,
        prefix=normalise(item.prefix),
        suffix=normalise(item.suffix),
        source=clean_name(item.source) if item.source else None,
        themes=tuple(unique_names(item.themes)),
        note=clean_block(item.note),
        created=_time(item.created) or stamp,
        updated=_time(item.updated) or _time(item.created) or stamp,
        kind=item.kind if item.kind in KINDS else PASSAGE,
        coder=clean_coder(coder),
    )
    if text is None:
        return annotation  # the file cannot be read now: kept as stored, placed on next scan
    if (
        item.start is None
        or annotation.end > len(text)  # (a slice past the end is cut short, not refused)
        or text[annotation.start : annotation.end] != quote
    ):
        annotation = reanchor(annotation, text)
    if item.kind not in KINDS and not annotation.orphaned:  # a file that does not say
        kind = kind_of(text, annotation.start, annotation.end)
        annotation = msgspec.structs.replace(annotation, kind=kind)
    return annotation


def _newest_of_each_id(items: list[Incoming], report: ImportReport) -> list[Incoming]:
    """The file's records with, of two different records of one id, only the newer (by
    the time it was updated, else made; the first of equal times), each left out said by
    its id as the file spells it (the older was kept, and the message named Reader's own
    form of the id, which the file does not hold: an attack's finding)."""
    newest: dict[str, Incoming] = {}
    for item in items:
        key = annotation_id(item.id)
        kept = newest.get(key)
        if kept is None or item == kept:
            newest.setdefault(key, item)
            continue
        left = item
        # (as the merge rule dates versions: a time past the clock, 9999, never wins)
        if newer(_time(item.updated or item.created), _time(kept.updated or kept.created)):
            left, kept = kept, item
            newest[key] = item
        report.twice.append(
            f"{left.id[:80]}: held twice, differently; the version updated "
            f"{_time(kept.updated or kept.created)[:10] or 'first'} is kept"
        )
    chosen = {id(item) for item in newest.values()}
    # (an item equal to the one kept is under the same id: looked up by it, not compared with
    # every item kept, which took 30 s for 10,000 annotations each held twice)
    return [
        item for item in items if id(item) in chosen or newest.get(annotation_id(item.id)) == item
    ]


def _time(value: str) -> str:
    """A time from a file as Reader stores its own (ISO 8601, UTC, to the second), or ""
    when it is no time ("zzzz" would sort after every real date)."""
    try:
        when = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return ""
    when = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    try:
        return when.astimezone(UTC).isoformat(timespec="seconds")
    except OverflowError:  # (a time zone that takes it past year 9999)
        return ""


def _text(library: Library, record: ArticleRecord) -> str | None:
    try:
        return library.load(record).text
    except ArticleError:
        return None


def _article_of(
    store: Store, library: Library, item: Incoming, ours: Annotation | None = None
) -> ArticleRecord | None:
    articles = _ArticleIndex.of(store)
    if item.article_sha256:  # the same text: the surest match
        found = articles.by_sha256.get(item.article_sha256)
        if found is not None:
            return found
    if item.article_uri:
        found = articles.by_uri(library, item.article_uri)
        if found is not None:
            return found
    if ours is not None and (held := store.article(ours.article_id)) and not held.missing:
        # an annotation we hold already stays on its article, matched by neither text nor
        # address: a copy of theirs made at an import, since edited here (it went to the
        # article of their file's name, or a third copy)
        return held
    if item.article_path and (found := articles.by_path.get(item.article_path)) is not None:
        return found
    if item.article_title:
        return articles.by_title.get(item.article_title.casefold())
    return None


class _ArticleIndex:
    """The library's articles (those not missing) by what an import may name one by: the
    first of them for each text, address, path, file name and title, built once for each
    state of the store (read through for each record imported, 10,000 records naming
    another machine's paths into 4,000 articles took a minute)."""

    _last: tuple[tuple[ArticleRecord, ...], _ArticleIndex] | None = None

    def __init__(self, records: Iterable[ArticleRecord]) -> None:
        self.by_sha256: dict[str, ArticleRecord] = {}
        self.by_url: dict[str, ArticleRecord] = {}
        self.by_path: dict[str, ArticleRecord] = {}
        self.by_name: dict[str, ArticleRecord] = {}
        self.by_title: dict[str, ArticleRecord] = {}
        for record in records:
            if record.missing:
                continue
            self.by_sha256.setdefault(record.sha256, record)
            if record.url:
                self.by_url.setdefault(record.url.rstrip("/"), record)
            self.by_path.setdefault(record.path, record)
            self.by_name.setdefault(PurePosixPath(record.path).name, record)
            self.by_title.setdefault(record.title.casefold(), record)

    @classmethod
    def of(cls, store: Store) -> _ArticleIndex:
        """The index of the store's articles as they are now (the last one, if unchanged)."""
        snapshot = store.articles()
        last = cls._last
        if last is not None and last[0] is snapshot:
            return last[1]
        index = cls(snapshot)
        cls._last = (snapshot, index)
        return index

    def by_uri(self, library: Library, uri: str) -> ArticleRecord | None:
        found = self.by_url.get(uri.rstrip("/"))
        if found is not None:
            return found
        parsed = urlparse(uri)
        if not parsed.scheme:  # a path relative to the library, as a hand-made file may give
            return self.by_path.get(uri.strip("/"))
        if parsed.scheme != "file":
            return None
        path = Path(unquote(parsed.path))
        folder = library.folder.resolve()
        try:
            relative = path.relative_to(folder).as_posix()
        except ValueError:
            relative = ""
        found = self.by_path.get(relative) if relative else None
        # (else the library was moved: the same file name)
        return found if found is not None else self.by_name.get(path.name)
