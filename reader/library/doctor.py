"""`reader doctor`: check the database and the library, and repair what is safe.

The doctor reads the database file as plain JSON, so it can look into a file the store
refuses to open. Every finding is one line with a severity:

- `error`: cannot be repaired here (not JSON, a newer schema, a malformed record): the way
  out is a backup (`reader restore`) or a hand edit; the doctor says which.
- `problem`: can be repaired safely with `--fix`: duplicate annotation ids (exact copies
  are dropped, different ones get new ids, so both are kept), annotations pointing at an
  unknown article (a placeholder article is added, marked missing), offsets that no longer
  match the article's text (re-anchored; what cannot be placed is marked orphaned), names
  used by annotations but absent from the codebook (added), duplicate codebook names
  (merged), a stale article counter (raised), an older schema (migrated), temporary files
  a crash left behind (removed).
- `note`: worth knowing, nothing to repair (an article file that is missing while its
  annotations are kept, with how to put it back; new files not yet registered; orphaned
  annotations). A missing file whose record has no annotations is a `problem`: `--fix`
  forgets the record.

Repairs never delete an annotation. Before writing, the original file is kept as a
`before-doctor` backup.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from glob import escape as glob_escape
from pathlib import Path
from typing import Any

import msgspec

from reader.core.anchoring import reanchor
from reader.core.codebook import name_key
from reader.core.records import TABLES, Annotation, ArticleRecord
from reader.core.text import shown_name
from reader.core.wording import plural
from reader.library.article_files import ArticleError, read_article, text_hash
from reader.library.folder import inside, library_files, skipped_unread
from reader.storage.atomic import write_atomically
from reader.storage.backups import FOLDER, Backups
from reader.storage.database import (
    JournalChangeError,
    Store,
    StoreError,
    locked,
    schema_of_generation,
)
from reader.storage.journal import Journal, JournalError
from reader.storage.json_keys import key_used_twice, used_twice_message
from reader.storage.migrations import SCHEMA_VERSION, migrate, schema_of
from reader.storage.sessions import app_holds
from reader.storage.tables import damaged_change, replayed
from reader.storage.tinydb_storage import (
    CONFLICT_MARKERS,
    has_conflict_markers,
    read_database_bytes,
)

_FILES_READ = 200  # new files read to tell the ones Reader skips (a bound on the work)


@dataclass(frozen=True)
class Finding:
    """One thing the doctor found; `fixed` once `--fix` repaired it."""

    severity: str  # "error", "problem" or "note"
    message: str
    fixed: bool = False


@dataclass
class Checkup:
    """Everything found in one run, and a summary of the database."""

    findings: list[Finding] = field(default_factory=list)
    summary: str = ""
    backup: Path | None = None

    @property
    def healthy(self) -> bool:
        return not any(
            f.severity == "error" or (f.severity == "problem" and not f.fixed)
            for f in self.findings
        )


class _Examination:
    """One pass over the decoded data; repairs it in place when `fix` is set."""

    def __init__(self, db: Path, data: dict[str, Any], library: Path | None, fix: bool) -> None:
        self.db = db
        self.data = data
        self._claims: _Claims | None = None
        self.library = library
        self.fix = fix
        self._next_keys: dict[int, int] = {}  # id(table) -> the key its next new record gets
        self.findings: list[Finding] = []
        self.changed = False

    def say(self, severity: str, message: str, fixable: bool = False) -> None:
        fixed = fixable and self.fix
        self.findings.append(Finding(severity, message, fixed))
        if fixed:
            self.changed = True

    def run(self) -> None:
        self._schema()
        if any(f.severity == "error" for f in self.findings):
            return
        self._tables()
        if any(f.severity == "error" for f in self.findings):
            return
        articles = self._articles()
        self._annotations(articles)
        self._codebook()

    def _schema(self) -> None:
        version = schema_of(self.data)
        if version is None:
            self.say(
                "error",
                "no schema version in `meta`: not a Reader database, or a damaged one; `reader restore` lists the backups",
            )
        elif version > SCHEMA_VERSION:
            self.say(
                "error",
                f"schema {version} is newer than this Reader's ({SCHEMA_VERSION}): upgrade Reader",
            )
        elif version < SCHEMA_VERSION:
            self.say(
                "problem",
                f"schema {version} is older than {SCHEMA_VERSION}: migrate it",
                fixable=True,
            )
            if self.fix:
                self.data = migrate(self.data)

    def _tables(self) -> None:
        unknown = sorted(set(self.data) - set(TABLES))
        if unknown:
            self.say("error", f"unknown tables {unknown}: not a Reader database?")
        for name in TABLES:
            if not isinstance(self.data.get(name, {}), dict):
                self.say("error", f"table `{name}` is not a JSON object")
            elif name not in self.data and name != "deleted":  # (deletions: none is fine)
                self.say("problem", f"table `{name}` is missing: add it empty", fixable=True)
                if self.fix:
                    self.data[name] = {}

    def _articles(self) -> dict[int, dict[str, Any]]:
        articles: dict[int, dict[str, Any]] = {}
        table: dict[str, Any] = self.data.get("articles", {})
        for doc_id, doc in list(table.items()):
            if doc is None:
                self.say("problem", f"article record {doc_id} is empty (null): remove it", True)
                if self.fix:
                    del table[doc_id]
                continue
            try:
                article_id = int(doc["id"])
                str(doc["path"])
            except (KeyError, TypeError, ValueError):
                self.say(
                    "error", f"article record {doc_id} is malformed: {doc!r:.80}; edit or restore"
                )
                continue
            if article_id in articles:
                self.say(
                    "error",
                    f"article id {article_id} is used twice (records {doc_id} and another); edit the file or restore a backup",
                )
            articles[article_id] = doc
        meta = next(iter(self.data["meta"].values()))
        highest = max(articles, default=0)
        counter = meta.get("next_article_id")
        if not isinstance(counter, int) or counter <= highest:
            self.say(
                "problem",
                f"the next article id ({counter}) is not above the highest in use ({highest}): raise it",
                fixable=True,
            )
            if self.fix:
                meta["next_article_id"] = highest + 1
        if self.library is not None:
            self._library_files(articles)
        return articles

    def _library_files(self, articles: dict[int, dict[str, Any]]) -> None:
        assert self.library is not None
        known = {str(doc.get("path")) for doc in articles.values()}
        self._missing_files(articles)
        if self.library.is_dir():
            new = [  # (as the app lists them: not the old copies in .reader-backups/)
                relative for relative in library_files(self.library) if relative not in known
            ]
            unreadable: list[str] = []
            for relative in new[:_FILES_READ]:
                reason = skipped_unread(self.library, relative)  # (as every scan skips it)
                if reason:
                    unreadable.append(reason)
                    continue
                try:
                    read_article(self.library / relative)
                except ArticleError as error:
                    unreadable.append(str(error))
            if len(new) > len(unreadable):
                self.say(
                    "note",
                    f"{plural(len(new) - len(unreadable), 'article file')} not yet registered; Reader "
                    "adds them when it opens the library",
                )
            for reason in unreadable[:5]:  # skipped at every scan: say which and why
                self.say("note", f"skipped, as Reader does: {reason}")
            if len(unreadable) > 5:
                self.say("note", f"… and {len(unreadable) - 5} more files Reader skips")

    def _missing_files(self, articles: dict[int, dict[str, Any]]) -> None:
        """Articles whose file is gone (`reader list` shows "(file missing)"): one with
        annotations is kept, with how to bring its file back; one without is only a stale
        record, which `--fix` forgets (nothing of the user's is in it but its read mark)."""
        assert self.library is not None
        counts: dict[Any, int] = {}
        for doc in self.data.get("annotations", {}).values():
            if isinstance(doc, dict):
                counts[doc.get("article_id")] = counts.get(doc.get("article_id"), 0) + 1
        table: dict[str, Any] = self.data.get("articles", {})
        for doc_id, doc in list(table.items()):
            if not isinstance(doc, dict) or doc.get("id") not in articles:
                continue
            path = str(doc["path"])
            if path and (self.library / path).is_file():
                continue
            name = f"article {doc['id']} ({path or 'no file'})"
            annotated = counts.get(doc["id"], 0)
            if annotated:
                self.say(
                    "note",
                    f"{name}: the file is missing; its {plural(annotated, 'annotation')} "
                    f"{'is' if annotated == 1 else 'are'} kept. Put the file back in the library folder, under any name (Reader "
                    f"finds it by its text){self._backup_hint(path)}",
                )
                continue
            self.say(
                "problem",
                f"{name}: the file is missing and the record has no annotations: forget it",
                fixable=True,
            )
            if self.fix:
                del table[doc_id]
                del articles[doc["id"]]

    def _backup_hint(self, path: str) -> str:
        """Where an older copy of an article's file is kept, if there is one."""
        assert self.library is not None
        kept = self.library / FOLDER / "articles"
        stem = Path(path).stem
        if stem and kept.is_dir() and any(kept.glob(f"{glob_escape(stem)}.*")):
            return f"; an older copy is in {FOLDER}/articles/"
        return ""

    def _annotations(self, articles: dict[int, dict[str, Any]]) -> None:
        table: dict[str, Any] = self.data.get("annotations", {})
        seen: dict[str, Any] = {}
        texts: dict[int, str | None] = {}
        for doc_id in list(table):
            doc = table[doc_id]
            if doc is None:
                self.say("problem", f"annotation record {doc_id} is empty (null): remove it", True)
                if self.fix:
                    del table[doc_id]
                continue
            try:
                annotation = Annotation.from_doc(doc)
            except (msgspec.ValidationError, TypeError) as error:
                self.say(
                    "error", f"annotation record {doc_id} is malformed ({error}); edit or restore"
                )
                continue
            if annotation.id in seen:
                if seen[annotation.id] == doc:
                    self.say(
                        "problem",
                        f"annotation {annotation.id} is stored twice, identically: drop the copy",
                        fixable=True,
                    )
                    if self.fix:
                        del table[doc_id]
                    continue
                self.say(
                    "problem",
                    f"annotation id {annotation.id} is used by two different annotations: give the second a new id (both kept)",
                    fixable=True,
                )
                if self.fix:
                    annotation = msgspec.structs.replace(annotation, id=uuid.uuid4().hex)
                    table[doc_id] = annotation.to_doc()
            seen[annotation.id] = doc
            if annotation.article_id not in articles:
                self.say(
                    "problem",
                    f"annotation {annotation.id} belongs to article {annotation.article_id}, which is unknown: add a placeholder article",
                    fixable=True,
                )
                if self.fix:
                    self._placeholder(annotation.article_id, articles)
            self._offsets(doc_id, annotation, articles, texts)
        orphans = sum(1 for doc in table.values() if isinstance(doc, dict) and doc.get("orphaned"))
        if orphans:
            self.say(
                "note",
                f"{plural(orphans, 'orphaned annotation')}: their passages were lost in edited "
                "articles; they are kept",
            )

    def _placeholder(self, article_id: int, articles: dict[int, dict[str, Any]]) -> None:
        record = ArticleRecord(
            id=article_id,
            path="",
            title=f"(article {article_id}, not in the database)",
            sha256="",
            missing=True,
        )
        doc = {name: getattr(record, name) for name in ArticleRecord.__dataclass_fields__}
        table = self.data["articles"]
        table[self._new_key(table)] = doc
        articles[article_id] = doc
        meta = next(iter(self.data["meta"].values()))
        meta["next_article_id"] = max(int(meta.get("next_article_id") or 1), article_id + 1)

    def _new_key(self, table: dict[str, Any]) -> str:
        """A key no record of `table` is filed under: one past the largest, found once a
        table (found for each record added, 200 missing themes of 200 annotations took 95 s)."""
        number = self._next_keys.get(id(table))
        if number is None or str(number) in table:  # (never over a record: found afresh)
            number = max((int(k) for k in table if str(k).isdigit()), default=0) + 1
        self._next_keys[id(table)] = number + 1
        return str(number)

    def _offsets(
        self,
        doc_id: str,
        annotation: Annotation,
        articles: dict[int, dict[str, Any]],
        texts: dict[int, str | None],
    ) -> None:
        text = self._text(annotation.article_id, articles, texts)
        bad_range = not 0 <= annotation.start < annotation.end
        if text is None:
            if bad_range:
                self.say(
                    "problem",
                    f"annotation {annotation.id}: offsets {annotation.start}-{annotation.end} are not a passage; its article file is not available to re-anchor it",
                )
            return
        if (
            not bad_range
            and annotation.end <= len(text)
            and text[annotation.start : annotation.end] == annotation.quote
        ):
            if annotation.orphaned:  # (a flag a merged file brought, its quote in place)
                self.say(
                    "problem",
                    f"annotation {annotation.id}: marked orphaned, but its quote is at "
                    f"{annotation.start}-{annotation.end}: placed again",
                    fixable=True,
                )
                if self.fix:
                    self.data["annotations"][doc_id] = {**annotation.to_doc(), "orphaned": False}
            return
        if annotation.orphaned and bad_range:
            return
        moved = reanchor(annotation, text)
        outcome = (
            "marked orphaned (kept)"
            if moved.orphaned
            else f"re-anchored to {moved.start}-{moved.end}"
        )
        if moved.orphaned and annotation.orphaned:
            return
        self.say(
            "problem",
            f"annotation {annotation.id}: its quote is not at {annotation.start}-{annotation.end} in {articles[annotation.article_id].get('path')}: {outcome}",
            fixable=True,
        )
        if self.fix:
            self.data["annotations"][doc_id] = moved.to_doc()

    def _text(
        self, article_id: int, articles: dict[int, dict[str, Any]], texts: dict[int, str | None]
    ) -> str | None:
        if article_id not in texts:
            doc = articles.get(article_id)
            named = str(doc["path"]) if doc and self.library and doc.get("path") else ""
            path = inside(self.library, named) if named and self.library else None
            if named and path is None:
                # (a merged database's "/home/me/secret.txt", a link leading out: never read,
                # nor its words stored around an annotation re-anchored into it)
                self.say(
                    "note",
                    f"article {article_id} ({shown_name(named)}): names a file outside the "
                    "library folder, so it is not read; its annotations are kept",
                )
            claims = self._claims or _Claims(articles)
            self._claims = claims
            if doc and claims.not_its_file(doc):
                path = None  # (its annotations are never checked against another's words)
            try:
                text = read_article(path).text if path and path.is_file() else None
            except ArticleError:
                text = None
            if text is not None and doc and claims.anothers_text(doc, text_hash(text)):
                text = None
            texts[article_id] = text
        return texts[article_id]

    def _codebook(self) -> None:
        for table_name, field_name in (("sources", "source"), ("themes", "themes")):
            table: dict[str, Any] = self.data.setdefault(table_name, {})
            known: dict[str, str] = {}
            for doc_id in list(table):
                entry = table[doc_id]
                if isinstance(entry, str) and entry.strip():
                    self.say(
                        "problem",
                        f"{table_name[:-1]} record {doc_id} is the bare name {entry[:60]!r}: make it an entry",
                        fixable=True,
                    )
                    entry = {"name": entry, "description": ""}
                    if table_name == "themes":
                        entry["colour"] = ""
                    if self.fix:
                        table[doc_id] = entry
                elif not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                    self.say(
                        "problem",
                        f"{table_name[:-1]} record {doc_id} holds no name ({entry!r:.40}): remove it",
                        fixable=True,
                    )
                    if self.fix:
                        del table[doc_id]
                    continue
                name = str(entry.get("name", ""))
                key = name_key(name)
                if key in known:
                    self.say(
                        "problem",
                        f"{table_name[:-1]} {name!r} is listed twice: merge the entries",
                        fixable=True,
                    )
                    if self.fix:
                        del table[doc_id]
                    continue
                known[key] = name
            used: dict[str, str] = {}
            for doc in self.data.get("annotations", {}).values():
                values = doc.get(field_name) if isinstance(doc, dict) else None
                names = [values] if isinstance(values, str) else values
                for name in names if isinstance(names, list) else []:  # (a number: see records)
                    if isinstance(name, str) and name_key(name) not in known:
                        used.setdefault(name_key(name), name)
            for key, name in used.items():
                self.say(
                    "problem",
                    f"{table_name[:-1]} {name!r} is used but missing from the codebook: add it",
                    fixable=True,
                )
                if self.fix:
                    entry = (
                        {"name": name, "description": ""}
                        if table_name == "sources"
                        else {"name": name, "colour": "", "description": ""}
                    )
                    table[self._new_key(table)] = entry
                    known[key] = name


def examine(db: Path, library: Path | None = None, *, fix: bool = False) -> Checkup:
    """Check the database (and the library's files); with `fix`, repair what is safe."""
    checkup = Checkup()
    if not db.exists():
        if app_holds(db):  # (as every other command says it: not "no database yet")
            checkup.findings.append(
                Finding(
                    "problem",
                    f"{db}: the database is missing while a Reader app is open on this "
                    "library; that app writes it back whole at its next save or as it quits",
                )
            )
            return checkup
        checkup.findings.append(
            Finding("note", f"{db}: no database yet; Reader creates one when it opens the library")
        )
        return checkup
    _fold_journal(db, checkup, fix)
    with locked(db):
        named = sorted(db.parent.glob(f".{db.name}.*.tmp"))
        # (only files Reader could have left: a folder or a link so named is not one of
        # ours, and is not removed)
        stale = [path for path in named if path.is_file() and not path.is_symlink()]
        for other in (path for path in named if path not in stale):
            checkup.findings.append(
                Finding("note", f"{shown_name(str(other))}: not a file Reader left; left alone")
            )
        if stale:
            removed = True
            if fix:
                for path in stale:
                    try:
                        path.unlink(missing_ok=True)
                    except OSError as error:
                        removed = False
                        checkup.findings.append(
                            Finding(
                                "error",
                                f"{shown_name(str(path))}: cannot remove it "
                                f"({error.strerror or error}); remove it by hand",
                            )
                        )
            checkup.findings.append(
                Finding(
                    "problem",
                    f"{plural(len(stale), 'temporary file')} left by an interrupted save: remove them",
                    fixed=fix and removed,
                )
            )
        try:
            raw = read_database_bytes(db)
        except OSError as error:
            checkup.findings.append(
                Finding(
                    "error",
                    f"{db}: cannot read the database ({error.strerror}); point --db at a "
                    "Reader database file",
                )
            )
            return checkup
        try:
            data = msgspec.json.decode(raw)
        except RecursionError:
            checkup.findings.append(
                Finding("error", f"{db}: not a Reader database (nested too deeply to be one)")
            )
            return checkup
        except msgspec.DecodeError as error:
            said = (
                CONFLICT_MARKERS
                if has_conflict_markers(raw)
                else f"not valid JSON ({error}); `reader restore` lists the backups to go back to"
            )
            checkup.findings.append(Finding("error", f"{db}: {said}"))
            return checkup
        if not isinstance(data, dict):
            checkup.findings.append(
                Finding(
                    "error",
                    f"{db}: not a Reader database (a JSON {type(data).__name__}, not an object of tables)",
                )
            )
            return checkup
        if (key := key_used_twice(raw)) is not None:
            checkup.findings.append(Finding("error", f"{db}: {used_twice_message(key)}"))
            return checkup
        waiting = _journal_records(db, data, checkup)
        if waiting:
            replayed(data, waiting)  # the checks see the database as saved
        examination = _Examination(db, data, library, fix and not waiting)
        examination.run()
        checkup.findings.extend(examination.findings)
        errors = any(f.severity == "error" for f in examination.findings)
        if fix and examination.changed and errors:
            checkup.findings.append(
                Finding(
                    "note",
                    "nothing was written: the errors above need a backup (`reader restore`) "
                    "or an edit first, and a repair would not make the file open",
                )
            )
        elif fix and examination.changed:
            try:
                backup = Backups(db).take("before-doctor")
            except OSError as error:
                checkup.findings.append(
                    Finding(
                        "error",
                        f"cannot keep a copy of the database before repairing it ({error}); "
                        "nothing was written",
                    )
                )
                return checkup
            checkup.backup = backup.path if backup else None
            write_atomically(db, msgspec.json.encode(examination.data))
    if fix and checkup.healthy:
        try:  # the repaired file must open
            store = Store(db, backups=False)
        except StoreError as error:
            checkup.findings.append(Finding("error", str(error)))
        else:
            store.close()
    if not any(f.severity == "error" for f in checkup.findings):
        checkup.summary = _summary(db, examination.data)
    return checkup


def _fold_journal(db: Path, checkup: Checkup, fix: bool) -> None:
    """With `fix`, fold the journal into the database first (a damaged journal: its copy
    set aside in the backups folder, the part before the damage kept and folded)."""
    journal = Journal(db)
    if not fix or not journal.exists():
        return
    with locked(db):
        try:
            journal.read(0)
        except JournalError as error:
            if not _set_aside(journal, db, None, error.args[0], checkup):
                return
    try:
        store = Store(db)
    except JournalChangeError as error:  # a whole line whose change is malformed
        with locked(db):
            if not _set_aside(journal, db, {error.change}, error.args[0], checkup):
                return
        try:
            store = Store(db)
        except StoreError:
            return  # the checks below say what is wrong
    except StoreError:
        return  # the checks below say what is wrong with the file
    try:
        if store.journal_size():
            store.fold()
            checkup.findings.append(
                Finding("note", "the journal's changes were folded into the database")
            )
    except StoreError as error:
        checkup.findings.append(Finding("error", str(error)))
    finally:
        store.close()


def _set_aside(
    journal: Journal, db: Path, dropped: set[int] | None, damage: str, checkup: Checkup
) -> bool:
    """Copy the journal into the backups folder and keep in it every change that reads
    whole but those `dropped` (None: those whose checksum fails); False, with the reason
    found, when it cannot be."""
    try:
        copy, gone = journal.set_aside_lines(db.parent / FOLDER, dropped)
    except OSError as error:  # (a journal that is a link, a folder that cannot be written)
        checkup.findings.append(
            Finding(
                "error",
                f"{journal.path}: cannot set the journal aside ({error.strerror or error}); "
                "move it out of the library folder and run `reader doctor --fix` again",
            )
        )
        return False
    checkup.findings.append(
        Finding(
            "problem",
            f"{damage.split(';')[0]}: a copy is kept as {copy}; "
            + (
                f"every other change is kept ({plural(gone, 'line')} set aside)"
                if journal.exists() and journal.path.stat().st_size
                else "its first line, which says which state its changes follow, was the "
                "damaged one, so none is replayed: they are in the copy"
            ),
            fixed=True,
        )
    )
    return True


def _journal_records(db: Path, data: dict[str, Any], checkup: Checkup) -> list[dict[str, Any]]:
    """The journal's changes not yet folded into `data` (a note says how many)."""
    try:
        reading = Journal(db).read(0)
    except JournalError as error:
        checkup.findings.append(Finding("error", str(error)))
        return []
    if not reading.records or reading.generation != schema_of_generation(data):
        return []
    damage = damaged_change(reading.records)
    if damage is not None:  # what every other command refuses, said here too
        number, why = damage
        checkup.findings.append(
            Finding(
                "error",
                f"{Journal(db).path}: change {number}: {why}; `reader doctor --fix` keeps what "
                "can be read and sets the rest aside",
            )
        )
        return []
    checkup.findings.append(
        Finding(
            "note",
            f"{plural(len(reading.records), 'change')} waiting in the journal to be folded into "
            f"{db.name} (the app folds them when idle and at exit; --fix folds them now)",
        )
    )
    return reading.records


def _summary(db: Path, data: dict[str, Any]) -> str:
    annotations = [a for a in (data.get("annotations") or {}).values() if isinstance(a, dict)]
    orphaned = sum(1 for a in annotations if a.get("orphaned"))
    return (
        f"{db}: schema {schema_of(data)}, {plural(len(data.get('articles') or {}), 'article')}, "
        f"{plural(len(annotations), 'annotation')}, {orphaned} orphaned"
    )


class _Claims:
    """Which paths articles present in the folder hold, and which texts the articles have:
    counted once for the whole check (looked up by every article, a scan of all of them
    each time)."""

    def __init__(self, articles: dict[int, dict[str, Any]]) -> None:
        self._present_at = Counter(
            str(doc.get("path")) for doc in articles.values() if not doc.get("missing")
        )
        self._texts = Counter(str(doc.get("sha256")) for doc in articles.values())

    def not_its_file(self, doc: dict[str, Any]) -> bool:
        """Whether the file at an article's path is not that article's: the article is marked
        missing (another's text may be there now: one file moved over another), or another
        article, not missing, is at the same path. `--fix` had re-anchored a missing
        article's annotations onto the words of the article moved over its name."""
        return bool(doc.get("missing")) or self._present_at[str(doc.get("path"))] > 1

    def anothers_text(self, doc: dict[str, Any], sha256: str) -> bool:
        """Whether a text read at an article's path is exactly another article's (names
        swapped and not scanned since): never this one's to re-anchor into."""
        return sha256 != doc.get("sha256") and self._texts[sha256] > 0
