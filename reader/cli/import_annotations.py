"""`reader import FILE`: annotations in from a W3C, JSON or REFI-QDA (.qdpx) file, or from
another coder's database (`reader.json`), merged with ours.

The file may be written by Reader or by another tool in the same format; annotations
already in the database are skipped, so importing twice adds nothing twice; the same id
with different content is settled as `core.merge_rule` says, so nothing is lost. Positions
in W3C and REFI-QDA files may count code points or UTF-16 code units: each is read in the
unit that puts its quote there, and the summary line says which unit that was.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.command import Command, close_store, fail, say
from reader.core.files import FileTooLarge, read_bounded
from reader.core.paths import DB_NAME, Locations
from reader.core.text import clean_line, json_text, shorten, shown_name
from reader.core.wording import plural
from reader.interchange import IMPORT_FORMATS
from reader.storage.backups import Backup, Backups
from reader.storage.database import Store, StoreError

UNPLACED_SHOWN = 10  # annotations not imported named one a line; the rest counted


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument(
        "--format", "-f", choices=IMPORT_FORMATS, help="w3c, json, qdpx or reader (a reader.json)"
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def run(args: argparse.Namespace, where: Locations) -> int:
    return run_import(where, args.file, args.format, args.json)


def _same_folder(theirs: Path | None, ours: Path) -> bool:
    """Whether their database's folder is our library's."""
    try:
        return theirs is not None and theirs.resolve() == ours.resolve()
    except OSError:
        return False


def _backup_before_import(store: Store) -> Backup | None:
    """A copy of the database as it is before the import (its journal folded in first):
    an import replaces annotations by the file's newer versions, and a file's times can be
    made up, so what it replaced must stay within reach (`reader restore`)."""
    store.fold()
    try:
        return Backups(store.path).take("before-import", prune=False)
    except OSError as error:
        raise StoreError(
            f"{store.path}: cannot keep a copy before importing ({error}); nothing was imported"
        ) from error


def run_import(where: Locations, file: str, fmt: str | None, as_json: bool) -> int:
    from reader.core.text_units import UNITS
    from reader.interchange.carried_articles import add_carried_articles
    from reader.interchange.database_import import copy_missing_articles, from_database
    from reader.interchange.fields import MAX_FILE_BYTES, ImportFileError, summary
    from reader.interchange.importing import import_incoming
    from reader.interchange.position_units import EITHER, NEITHER, describe
    from reader.interchange.qdpx import from_qdpx
    from reader.interchange.tables import from_json
    from reader.interchange.w3c import from_w3c
    from reader.library.folder import Library

    path = Path(file).expanduser()
    shown = str(path)
    held = path / DB_NAME
    if path.is_dir() and (held.exists() or held.is_symlink()):  # a teammate's library: its
        # database (read as any file is: a pipe or a link to nothing refused in one line)
        path = held
        shown = str(path)
    elif path.is_dir():  # (an Obsidian export is a folder of notes: no way back from it)
        return fail(
            f"{shown}: a folder; reader import reads one file (W3C, JSON, REFI-QDA .qdpx or "
            "another coder's reader.json), or a library folder holding a reader.json"
        )
    try:
        data = read_bounded(path, MAX_FILE_BYTES)  # (a regular file: a pipe would wait)
    except FileTooLarge:
        return fail(f"{shown}: over {MAX_FILE_BYTES >> 20} MB, too big to be an export")
    except OSError as error:
        return fail(f"{shown}: cannot read it ({error.strerror or error})")
    fmt = fmt or _guess_format(path, data)
    if fmt in ("json", "w3c") and (encoding := _not_utf8(data)):
        return fail(f"{shown}: JSON in {encoding}, not UTF-8; save it as UTF-8 and import it again")
    if fmt in ("json", "w3c") and (what := _not_json(path, data)):
        return fail(f"{shown}: {what}, which reader import does not read; {READABLE}")
    copied: list[str] = []
    their = None
    try:
        if fmt == "reader":
            their = from_database(path)
            incoming = their.incoming
        elif fmt == "qdpx":
            incoming = from_qdpx(data, shown)
        else:
            text = data.decode("utf-8-sig", errors="replace")
            incoming = from_json(text, shown) if fmt == "json" else from_w3c(text, shown)
    except ImportFileError as error:
        return fail(str(error))
    del data
    store = Store(where.db)
    try:
        if their is not None and path.resolve() == store.path.resolve():
            return fail(
                f"{shown}: this is the library's own database; name the other coder's copy "
                "of reader.json (or another library's) to merge it in"
            )
        # (Before any article is copied: a refused import leaves the library as it was.)
        store.ensure_writable()
        kept = _backup_before_import(store)
        saves = store.saves
        if their is not None:
            if _same_folder(their.folder, where.library):
                # (a file saved inside our own library holds our texts beside it: deletions
                # it names are no teammate's, an attack deleted every annotation so)
                their.incoming.deleters_articles.clear()
            copied = copy_missing_articles(their, store, where.library)
        elif incoming.texts:  # (a .qdpx carries its sources' texts: it stands on its own)
            try:
                library = Library(where.library, store)
                library.scan()  # (what the folder holds, known first)
                copied, ours_under = add_carried_articles(incoming.texts, library, shown)
            except ImportFileError as error:
                return fail(str(error))
            for item in incoming.items:  # (ours under other white space: theirs go to it)
                item.article_sha256 = ours_under.get(item.article_sha256, item.article_sha256)
        try:
            report = import_incoming(store, Library(where.library, store), incoming)
        except BaseException:
            if their is None:  # (a project's texts written for it: taken back with it)
                for written in copied:
                    (where.library / written).unlink(missing_ok=True)
            raise
        if kept is not None and store.saves == saves:
            # Nothing changed: no copy of it (five no-op imports had pushed the copy taken
            # before a bad merge out of the five kept, a team's finding)
            kept.path.unlink(missing_ok=True)
            kept = None
        elif kept is not None:
            Backups(store.path).kept(kept)
    finally:
        close_store(store)
    if as_json:
        document = {
            "imported": len(report.added) - report.ours_beside,
            "ours_kept_beside": report.ours_beside,
            "updated": len(report.updated),
            "kept_beside": report.copies,
            "articles_copied": copied,
            "codebook_added": report.codebook_added,
            "present": report.present,
            "stayed_deleted": report.deleted,
            "deleted_as_there": report.deleted_there,
            "deletions_not_taken": report.deletions_unseen,
            "orphaned": report.orphaned,
            "notes_dropped": report.notes_dropped,
            "refused": report.refused,
            "held_twice": report.twice,
            "not_placed": report.unplaced,
            "positions": {unit: report.units[unit] for unit in (*UNITS, EITHER, NEITHER)},
        }
        print(json_text(document))
    else:
        theirs = len(report.added) - report.ours_beside  # (ours moved aside: not theirs)
        line = (
            f"imported {plural(theirs, 'annotation')} from {shown_name(shown)} "
            f"into {shown_name(str(where.db))}"  # (which library is not always plain)
        )
        if report.updated:
            line += f"; {len(report.updated)} updated to their newer version"
            if report.ours_beside:
                line += (
                    f", {report.ours_beside} of ours kept beside it under a new id (another "
                    "coder's coding of the passage: both stay)"
                )
            if kept is not None and len(report.updated) > report.ours_beside:
                # (a version replaced with no copy kept can be had back: `reader restore`)
                line += f" (the versions replaced are kept in {shown_name(str(kept.path))})"
        if report.copies:
            line += f"; {report.copies} of them another coder's version kept beside ours"
        if copied:
            line += f"; {plural(len(copied), 'article')} copied into the library"
        if report.codebook_added:  # (set-up codes no quote uses yet)
            added = plural(report.codebook_added, "codebook entry", "codebook entries")
            line += f"; {added} no annotation uses yet added"
        if report.present:
            line += f"; {report.present} {'was' if report.present == 1 else 'were'} already there"
        if report.deleted:
            line += f"; {report.deleted} deleted here since stayed deleted"
        if report.deleted_there:
            line += f"; {report.deleted_there} deleted here as they deleted them"
            if kept is not None:  # (they can be had back: `reader restore`)
                line += f" (kept in {shown_name(str(kept.path))})"
        if report.deletions_unseen:
            line += (
                f"; {plural(report.deletions_unseen, 'deletion')} of theirs not taken: the "
                "file came without the articles' texts, so it cannot show its coder saw "
                "them (import their library folder instead)"
            )
        if report.orphaned:
            line += f"; {report.orphaned} kept as orphans (their quote was not found)"
        if report.notes_dropped:  # (said, never silent: which change came last is a guess)
            first = shorten(clean_line(report.notes_dropped[0]), 60)
            more = len(report.notes_dropped) - 1
            line += (
                f"; the note of {plural(len(report.notes_dropped), 'older version')} by the "
                f"same coder is not kept (“{first}”{f' and {more} more' if more else ''}): "
                "if it was written after the newer one's change (a codebook rename), "
                "write it again (the file imported, or the copy taken before, holds it)"
            )
        if report.twice:  # (a file's own duplicate: the newer taken, the other named)
            line += f"; {plural(len(report.twice), 'record')} held twice in the file, the newer taken ({summary(report.twice)})"
        if report.unplaced:  # (counted here: 5,000 lines below had hidden how many)
            line += f"; {len(report.unplaced):,} not imported, their article not in the library"
        if units := describe(report.units):
            line += f"; {units}"
        say(line)
        for reason in report.unplaced[:UNPLACED_SHOWN]:
            say(f"reader: not imported: {clean_line(reason)}", err=True)  # one line each
        if (more := len(report.unplaced) - UNPLACED_SHOWN) > 0:
            say(
                f"reader: {shown}: and {more:,} more not imported, their articles not in the "
                "library (--json lists every one); add the articles, then import again",
                err=True,
            )
    if report.refused:
        count = len(report.refused)
        refused = plural(count, "malformed annotation")
        fail(f"{shown}: refused {refused}: {summary(report.refused)}")
        return 1
    # Any annotation not imported (its article is not in the library) makes the exit 1, as
    # a refused one does: a script must be able to tell a partial import from a whole one.
    return 1 if report.unplaced else 0


READABLE = (
    "it reads W3C or JSON annotations (.json), a REFI-QDA project (.qdpx) or another "
    "coder's reader.json (CSV, Markdown and Obsidian exports are export-only)"
)
_TEXT_KINDS = {".csv": "a CSV file", ".tsv": "a TSV file", ".md": "a Markdown file"}


def _not_utf8(data: bytes) -> str | None:
    """The encoding of a JSON file saved in another than UTF-8 ("UTF-16", "a legacy
    encoding"), which the importers do not read; None for UTF-8 or what is no JSON text."""
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(head) >= 4 and head[1] == 0 == head[3] and head[0] in b"{[ \r\n\t"
    ):
        return "UTF-16"
    if head.lstrip()[:1] not in (b"{", b"[") or b"\x00" in head:
        return None
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # (not a character cut at the 64 KB mark)
            return "a legacy encoding (such as Windows-1252)"
    return None


def _not_json(path: Path, data: bytes) -> str | None:
    """What `data` is, when it surely is not the JSON the W3C and JSON importers read: a
    binary file, or a CSV or Markdown export (which Reader writes but cannot read back)."""
    head = data[:65536]
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not a character cut at the 64 KB mark
            return "a binary file"
        text = head[: error.start].decode("utf-8-sig", errors="replace")
    if "\x00" in text:
        return "a binary file"
    if text.lstrip()[:1] in ("{", "["):
        return None
    return _TEXT_KINDS.get(path.suffix.lower(), "not JSON")


def _guess_format(path: Path, data: bytes) -> str:
    from reader.interchange.database_import import DATABASE_FORMAT, is_database
    from reader.interchange.tables import JSON_FORMAT

    if path.suffix.lower() == ".qdpx" or data[:2] == b"PK":
        return "qdpx"
    if is_database(data):
        return DATABASE_FORMAT
    return "json" if f'"{JSON_FORMAT}"'.encode() in data[:400] else "w3c"


COMMAND = Command(
    name="import",
    order=60,
    synopsis=(
        ("reader import FILE", "annotations back from a W3C, JSON or REFI-QDA (.qdpx) file,"),
        ("", "or another coder's reader.json, merged with yours"),
    ),
    summary="read annotations back from a W3C, JSON or REFI-QDA file",
    description="Read annotations from FILE (written by reader export, or by another "
    "tool in the same format) into the database. Each one is placed in its article of "
    "the library (by path, address, text or title) at its stored position, or found "
    "again by its quote if the text changed; one whose article is not in the library is "
    "reported and left out. Positions of W3C and REFI-QDA files are read in Unicode code "
    "points or UTF-16 code units, whichever puts each quote at them; the summary says "
    "which. Annotations already there are skipped, so importing twice "
    "adds nothing twice, and one you deleted after the file's version of it stays deleted. "
    "Another coder's database (their reader.json, or their library folder holding it) "
    "merges theirs in, their deletions too: "
    "articles matched by text, address or path (theirs that this library lacks are copied "
    "from their folder), annotations by id; the same id with different content keeps the "
    "newer version, and another coder's different coding beside it. --format is guessed "
    "from the file when not given. CSV, Markdown and Obsidian exports are export-only: "
    "they cannot be read back.",
    arguments=_arguments,
    run=run,
)
