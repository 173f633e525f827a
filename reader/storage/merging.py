"""Two coders' databases made one: the data side of `reader merge-driver` and of
`reader import reader.json`.

`read_database` reads a `reader.json` (any schema this Reader knows, migrated in memory,
its journal replayed when it sits beside the file) and validates every record exactly as
opening it would (`Tables.from_file`, `Tables.decode_annotations`): a damaged file is a
`MergeError` naming it, and nothing is written.

`merge_tables(ours, theirs, base)`:
- articles are matched by the SHA-256 of their text, then their URL, then their path in
  the library; an article only theirs has is added under a new id (never reused);
- annotations are matched by id (theirs moved onto our article ids). With a `base` (the
  common ancestor, as git gives a merge driver), a side that did not change an annotation
  takes the other side's change, deletion included. Otherwise, when both hold an id with
  different content, `core.merge_rule.resolve` decides: the newer keeps the id, and another
  coder's different coding is kept beside it under an id made from its content;
- an annotation either side deleted outright (the `deleted` table, which merges as a union)
  stays deleted unless the other side changed it after the deletion;
- the codebook is the union: our entries first, filled in (description, colour) from
  theirs; a theme new to us gets the next free quick key. With a `base`, it merges as the
  annotations do: an entry one side removed (a rename, a delete) and the other did not
  change stays removed, unless an annotation still uses it; a description or colour one
  side changed is that side's; one both changed differently keeps ours, and the report
  names it (`codebook_conflicts`), so that no teammate's words are dropped unsaid.
Merging a database into the result again changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from reader.core.codebook import name_key
from reader.core.files import FileTooLarge, read_bounded
from reader.core.merge_rule import (
    both_changes,
    moment,
    newer,
    placed_beside,
    resolve,
    same_content,
    stays_deleted,
)
from reader.core.records import QUICK_KEYS, Annotation, ArticleRecord, Source, Theme
from reader.core.text import clean_line
from reader.core.wording import plural
from reader.storage.journal import Journal, JournalError
from reader.storage.json_keys import key_used_twice, used_twice_message
from reader.storage.migrations import SCHEMA_VERSION, migrate, schema_of
from reader.storage.tables import ANNOTATIONS, Tables, TablesError, replayed
from reader.storage.tinydb_storage import CONFLICT_MARKERS, has_conflict_markers

MAX_DATABASE_BYTES = 512 * 1024 * 1024
_Field = TypeVar("_Field", str, int)


class MergeError(Exception):
    """A database that cannot be merged; one line naming the file and what to do."""


@dataclass
class MergeReport:
    """What a merge brought in from theirs: articles and annotations added, annotations
    changed (their newer version took the id), kept beside ours (`copies`), deleted (as
    the other side deleted them), theirs left out (deleted, here or there, after their
    version was made, and changed since the common ancestor), and already the same."""

    articles: int = 0
    added: int = 0
    changed: int = 0
    copies: int = 0
    deleted: int = 0
    stayed_deleted: int = 0  # their versions left out: deleted after they were made
    same: int = 0
    codebook_removed: int = 0  # entries removed as the other side removed them
    codebook_conflicts: list[str] = field(default_factory=list)  # "name: ours kept, theirs …"

    def summary(self) -> str:
        """One line for people."""
        parts = [f"{plural(self.added, 'annotation')} added"]
        if self.changed:
            parts.append(f"{self.changed} updated to the newer version")
        if self.copies:
            parts.append(f"{self.copies} kept beside ours (another coder's different coding)")
        if self.deleted:
            parts.append(f"{self.deleted} deleted (as the other side deleted them)")
        if self.stayed_deleted:
            parts.append(f"{self.stayed_deleted} of theirs left out (deleted after their version)")
        if self.articles:
            parts.append(f"{plural(self.articles, 'article')} added")
        parts.append(f"{self.same} already the same")
        if self.codebook_removed:
            removed = plural(self.codebook_removed, "codebook entry", "codebook entries")
            parts.append(f"{removed} removed (as the other side removed them)")
        if self.codebook_conflicts:
            parts.append(
                f"{plural(len(self.codebook_conflicts), 'codebook entry', 'codebook entries')}"
                f" both sides changed, ours kept: {'; '.join(self.codebook_conflicts)}"
            )
        return ", ".join(parts)


def read_database(path: Path, *, with_journal: bool = True) -> Tables:
    """The validated tables of the database file at `path` (see the module docstring)."""
    try:
        raw = read_bounded(path, MAX_DATABASE_BYTES)  # (a regular file: a pipe would wait)
        raw = raw.removeprefix(b"\xef\xbb\xbf")  # a teammate's Notepad adds a byte-order mark
    except FileTooLarge:
        raise MergeError(
            f"{path}: over {MAX_DATABASE_BYTES >> 20} MB; not a Reader database"
        ) from None
    except OSError as error:
        raise MergeError(f"{path}: cannot read it ({error.strerror or error})") from None
    return tables_of(raw, str(path), Journal(path) if with_journal else None)


def tables_of(raw: bytes, name: str, journal: Journal | None = None) -> Tables:
    """The validated tables of a database file's bytes (`name` is for messages)."""
    try:
        data = msgspec.json.decode(raw)
    except (msgspec.DecodeError, RecursionError) as error:
        if has_conflict_markers(raw):
            raise MergeError(f"{name}: {CONFLICT_MARKERS}") from None
        raise MergeError(f"{name}: not a Reader database ({error}); name a reader.json") from None
    if (key := key_used_twice(raw)) is not None:
        raise MergeError(f"{name}: {used_twice_message(key)}")
    version = schema_of(data)
    if version is None:
        raise MergeError(f"{name}: not a Reader database (no schema version); name a reader.json")
    if version > SCHEMA_VERSION:
        raise MergeError(
            f"{name}: written by a newer Reader (schema {version}, this is {SCHEMA_VERSION}); "
            "upgrade Reader to merge it"
        )
    try:
        if journal is not None and journal.exists():
            reading = journal.read(0)
            meta = next(iter(data["meta"].values()))
            if reading.generation == meta.get("generation", 0) and reading.continues in (
                None,
                meta.get("file_id"),
            ):  # (a journal begun on another file of that generation is not this one's)
                replayed(data, reading.records)
        data = migrate(data)
        tables = Tables.from_file(data)
        tables.annotations = Tables.decode_annotations(
            msgspec.json.encode(data.get(ANNOTATIONS) or {})
        )
    except JournalError as error:
        # (the file named may be a teammate's, which our doctor does not repair)
        raise MergeError(
            f"{error}; if it is a teammate's, ask them to quit Reader and send {name} again; "
            "if it is yours, run `reader doctor --fix`"
        ) from None
    except (TablesError, TypeError, ValueError, KeyError, AttributeError, StopIteration) as e:
        raise MergeError(f"{name}: a record is damaged ({e}); `reader doctor` names it") from None
    return tables


def _article_keys(record: ArticleRecord) -> list[tuple[str, str]]:
    keys = [("sha256", record.sha256)] if record.sha256 else []
    if record.url:
        keys.append(("url", record.url.rstrip("/")))
    return [*keys, ("path", record.path)]


def match_articles(ours: Tables, theirs: Tables) -> dict[int, int]:
    """Their article id -> our article id, for the articles both have (by text, URL, path)."""
    index: dict[tuple[str, str], int] = {}
    for record in ours.articles.values():
        for key in _article_keys(record):
            index.setdefault(key, record.id)
    found: dict[int, int] = {}
    for record in theirs.articles.values():
        for kind in ("sha256", "url", "path"):
            match = next(
                (index[k] for k in _article_keys(record) if k[0] == kind and k in index), None
            )
            if match is not None:
                found[record.id] = match
                break
    return found


def _moved(annotations: dict[str, Annotation], ids: dict[int, int]) -> dict[str, Annotation]:
    return {
        key: a
        if a.article_id == ids.get(a.article_id, a.article_id)
        else msgspec.structs.replace(a, article_id=ids[a.article_id])
        for key, a in annotations.items()
        if a.article_id in ids
    }


def merge_tables(
    ours: Tables, theirs: Tables, base: Tables | None = None
) -> tuple[Tables, MergeReport]:
    """`theirs` merged into a copy of `ours` (see the module docstring)."""
    report = MergeReport()
    merged = Tables(
        meta=dict(ours.meta),
        articles=dict(ours.articles),
        annotations=dict(ours.annotations),
        sources=dict(ours.sources),
        themes=dict(ours.themes),
        deleted=_deletions(ours.deleted, theirs.deleted),
    )
    ids = match_articles(merged, theirs)
    next_id = max(int(merged.meta.get("next_article_id", 1)), max(merged.articles, default=0) + 1)
    for record in sorted(theirs.articles.values(), key=lambda r: r.id):
        if record.id not in ids:
            merged.articles[next_id] = replace(record, id=next_id)
            ids[record.id] = next_id
            report.articles += 1
            next_id += 1
    merged.meta["next_article_id"] = next_id
    incoming = _moved(theirs.annotations, ids)
    ancestor = _moved(base.annotations, match_articles(merged, base)) if base else {}
    table = merged.annotations
    gone = merged.deleted
    for key in [k for k in gone if k in table and stays_deleted(gone[k], table[k].updated)]:
        del table[key]  # they deleted it after our version was made
        report.deleted += 1
    for key in sorted(set(incoming) | (set(ancestor) & set(table))):
        mine, their, old = table.get(key), incoming.get(key), ancestor.get(key)
        if their is not None and stays_deleted(gone.get(key), their.updated):
            if old is None or not same_content(their, old):
                report.stayed_deleted += 1  # (a version of theirs the deletion drops: said)
            continue  # deleted (here or there) after this version was made
        if their is None:  # only ours has it: they deleted it, or it is ours alone
            if mine is not None and old is not None and same_content(mine, old):
                del table[key]
                report.deleted += 1
            continue
        if mine is None:
            if old is not None and same_content(their, old):
                continue  # we deleted it and they did not change it
            table[key] = their
            report.added += 1
            continue
        if same_content(mine, their):
            if newer(their.updated, mine.updated):  # only the time differs: the later one,
                # so that both sides end with the same records ("zzzz" or 9999 is no later
                # time); whether it is orphaned follows our text, not theirs
                table[key] = msgspec.structs.replace(their, orphaned=mine.orphaned)
            report.same += 1
            continue
        if old is not None and same_content(mine, old):
            table[key] = their
            report.changed += 1
            continue
        if old is not None and same_content(their, old):
            continue  # only we changed it
        if old is not None and (both := both_changes(old, mine, their)) is not None:
            # one coder's two changes of different fields (a note here, a rename there)
            table[key] = both
            report.changed += both != mine
            continue
        winner, kept = resolve(mine, their)
        if winner is their:
            table[key] = their
            report.changed += 1
        if kept is not None:
            copy = placed_beside(kept, table.get)
            if copy is None:
                report.same += 1  # (kept beside ours already)
            else:
                table[copy.id] = copy
                report.copies += 1
    for key in [k for k in gone if k in table]:
        del gone[key]  # changed after its deletion: kept, and no longer deleted
    _merge_codebook(merged, theirs, table.values(), base, report)
    return merged, report


def _deletions(ours: dict[str, str], theirs: dict[str, str]) -> dict[str, str]:
    """Both sides' records of deleted annotations, the later time where both have one."""
    latest = datetime.now(UTC) + timedelta(days=1)
    union = dict(ours)
    for key, at in theirs.items():
        if key not in union or moment(at, latest) > moment(union[key], latest):
            union[key] = at
    return union


def _merge_codebook(
    merged: Tables,
    theirs: Tables,
    annotations: Iterable[Annotation],
    base: Tables | None = None,
    report: MergeReport | None = None,
) -> None:
    report = report if report is not None else MergeReport()
    used_sources = {name_key(a.source) for a in annotations if a.source}
    used_themes = {name_key(name) for a in annotations for name in a.themes}
    old_sources = base.sources if base is not None else {}
    old_themes = base.themes if base is not None else {}
    if base is not None:  # what one side removed and the other left as it was
        for entries, other, old, used in (
            (merged.sources, theirs.sources, old_sources, used_sources),
            (merged.themes, theirs.themes, old_themes, used_themes),
        ):
            for key in [k for k in entries if k not in other and k in old and k not in used]:
                if _same_entry(entries[key], old[key]):
                    del entries[key]
                    report.codebook_removed += 1
    for key, source in theirs.sources.items():
        mine = merged.sources.get(key)
        old_source = old_sources.get(key)
        if mine is None:
            if (
                old_source is not None
                and key not in used_sources
                and _same_entry(source, old_source)
            ):
                continue  # we removed it; they did not change it (a change they made stays)
            merged.sources[key] = source
        elif base is None:
            if not mine.description and source.description:
                merged.sources[key] = replace(mine, description=source.description)
        else:
            merged.sources[key] = _merged_entry(mine, source, old_source, report)
    moves: dict[str, int] = {}  # quick keys the three-way gives the themes both sides hold
    arriving: list[tuple[str, Theme]] = []  # themes only theirs has
    for key, theme in theirs.themes.items():
        mine_theme = merged.themes.get(key)
        old_theme = old_themes.get(key)
        if mine_theme is None:
            if old_theme is not None and key not in used_themes and _same_entry(theme, old_theme):
                continue  # we removed it (a rename, a delete); they did not change it
            arriving.append((key, theme))
        elif base is None:
            merged.themes[key] = replace(
                mine_theme,
                colour=mine_theme.colour or theme.colour,
                description=mine_theme.description or theme.description,
            )
        else:
            if old_theme is not None:  # (both added it: ours, as for any field both set)
                moves[key] = _one_side(mine_theme.key, theme.key, old_theme.key)
            merged.themes[key] = _merged_entry(mine_theme, theme, old_theme, report)
    # The moves first, then the themes new to us on the keys left (placed first, a new one
    # took the key a move was going to, and the move was dropped as a clash: an attack)
    _move_quick_keys(merged, moves, report)
    taken = {t.key for t in merged.themes.values() if t.key}

    def free_key(wanted: int) -> int:
        key = (
            wanted
            if wanted and wanted not in taken
            else next((k for k in QUICK_KEYS if k not in taken), 0)
        )
        taken.add(key)
        return key

    for key, theme in arriving:  # (one with no quick key there has none here)
        merged.themes[key] = replace(theme, key=free_key(theme.key) if theme.key else 0)
    for annotation in annotations:  # every name an annotation uses is in the codebook
        if annotation.source and name_key(annotation.source) not in merged.sources:
            merged.sources[name_key(annotation.source)] = Source(annotation.source)
        for name in annotation.themes:
            if name_key(name) not in merged.themes:
                merged.themes[name_key(name)] = Theme(name, key=free_key(0))


def _move_quick_keys(merged: Tables, moves: dict[str, int], report: MergeReport) -> None:
    """Give themes the quick keys one side moved them to, all at once (two keys swapped on
    one side swap here too); of moves that would put two themes on one key, those moves
    alone are left out, and said (the others stand)."""
    wanted = {k: v for k, v in moves.items() if merged.themes[k].key != v}
    while wanted:
        final = {k: t.key for k, t in merged.themes.items()} | wanted
        counts = Counter(v for v in final.values() if v)
        clashing = {k for k, v in wanted.items() if v and counts[v] > 1}
        if not clashing:
            break
        for key in sorted(clashing):
            report.codebook_conflicts.append(
                f"{merged.themes[key].name}'s quick key {merged.themes[key].key}, theirs "
                f"{wanted.pop(key)} (another theme has it)"
            )
    for key, number in wanted.items():
        merged.themes[key] = replace(merged.themes[key], key=number)


_Entry = TypeVar("_Entry", Source, Theme)


def _merged_entry(mine: _Entry, theirs: _Entry, old: _Entry | None, report: MergeReport) -> _Entry:
    """A codebook entry both sides hold, merged field by field against the common ancestor's
    (`old`; None when both added it): its name's spelling, its description and colour."""
    fields = ("colour", "description") if isinstance(mine, Theme) else ("description",)
    changes: dict[str, Any] = {  # (strings: the entry's key is no field merged here)
        field: _three_way(
            getattr(mine, field),
            getattr(theirs, field),
            getattr(old, field) if old is not None else "",
            f"{mine.name}'s {field}",
            report,
        )
        for field in fields
    }
    name = _one_side(mine.name, theirs.name, old.name) if old is not None else mine.name
    return replace(mine, name=name, **changes)


def _one_side(mine: _Field, theirs: _Field, old: _Field) -> _Field:
    """A field of an entry both sides hold: the side that changed it (ours if both did)."""
    return theirs if mine == old and theirs != old else mine


def _same_entry(entry: Source | Theme, old: Source | Theme) -> bool:
    """Whether a codebook entry is as the common ancestor had it (its quick key aside)."""
    if isinstance(entry, Theme) and isinstance(old, Theme):
        return (entry.name, entry.colour, entry.description) == (
            old.name,
            old.colour,
            old.description,
        )
    return (entry.name, entry.description) == (old.name, old.description)


def _three_way(mine: str, theirs: str, old: str, what: str, report: MergeReport) -> str:
    """A field of a codebook entry both sides hold: the side that changed it wins; both
    changed it differently: ours, said in the report (or theirs where ours is empty)."""
    if mine == theirs or theirs == old:
        return mine
    if mine == old or not mine:
        return theirs
    if theirs:
        report.codebook_conflicts.append(
            f"{what} “{clean_line(mine)[:60]}”, theirs “{clean_line(theirs)[:60]}”"
        )
    return mine


def merge_files(base: Path | None, ours: Path, theirs: Path, out: Path) -> MergeReport:
    """Merge the database files `theirs` into `ours` (with the common ancestor `base`, if
    any) and write the result to `out` atomically; `MergeError` leaves `out` untouched."""
    from reader.storage.atomic import write_atomically

    mine = read_database(ours, with_journal=False)
    other = read_database(theirs, with_journal=False)
    ancestor = read_database(base, with_journal=False) if base else None
    for path, tables in ((ours, mine), (theirs, other), (base, ancestor)):
        if path is not None and tables is not None:
            _every_annotation_has_its_article(tables, path)
    merged, report = merge_tables(mine, other, ancestor)
    generation = max(_generation(mine), _generation(other)) + 1
    merged.meta.update(schema=SCHEMA_VERSION, generation=generation)
    merged.meta.pop("file_id", None)  # (another file: no journal of either side continues it)
    try:
        write_atomically(out, merged.file_chunks())
    except OSError as error:
        raise MergeError(f"{out}: cannot write the merged database ({error.strerror})") from None
    return report


def _every_annotation_has_its_article(tables: Tables, path: Path) -> None:
    """`MergeError` when annotations of the file name an article it does not hold: merged,
    they would read as deleted on that side and be deleted from the other (found by an
    attack: a hand-resolved file that lost an article's record cost both sides its
    annotations)."""
    orphans = [a for a in tables.annotations.values() if a.article_id not in tables.articles]
    if orphans:
        raise MergeError(
            f"{path}: {plural(len(orphans), 'annotation')} "
            f"{'names' if len(orphans) == 1 else 'name'} an article the file does not "
            "hold; not merged (resolve the conflict by hand, or run `reader doctor` on it)"
        )


def _generation(tables: Tables) -> int:
    value = tables.meta.get("generation", 0)
    return value if type(value) is int else 0
