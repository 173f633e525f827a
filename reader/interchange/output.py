"""Writing an export to a file (or, for Obsidian, a folder), safely; or rendering it.

An export never lands on Reader's own data: a target that is (after resolving symlinks)
the database, its lock, one of its backups, the library folder or a file that would be an
article of the library is refused (`ProtectedPathError`). A target whose folder does not
exist is refused (`MissingFolderError`): no folder is created on the way, only an Obsidian
export's own folder. An existing file is replaced only
with `force`; every file is written atomically. Obsidian notes are written all or nothing:
first into a staging folder beside them, then moved into place, and put back as they were
if any move fails.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from glob import escape as glob_escape
from pathlib import Path

from reader.core.files import TOO_LONG, name_too_long, read_bounded
from reader.core.paths import Locations
from reader.core.text import shown_name
from reader.core.wording import plural
from reader.interchange import EXTENSIONS
from reader.interchange.markdown import (
    ReaderPart,
    name_as_compared,
    reader_part,
    to_markdown,
    to_obsidian,
    with_reader_part,
)
from reader.interchange.position_units import DEFAULT_UNITS
from reader.interchange.qdpx import to_qdpx
from reader.interchange.selection import Selection
from reader.interchange.tables import to_csv, to_json
from reader.interchange.w3c import to_w3c
from reader.library.site_memory import FOLDER_NAME as SITES_FOLDER
from reader.storage.atomic import fsync_folder, write_atomically
from reader.storage.backups import FOLDER as BACKUPS_FOLDER

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"})


class ExportError(Exception):
    """An export that cannot be written; the message is one line for the user."""


class ProtectedPathError(ExportError):
    """A target that is Reader's own data (the database, its backups, the library)."""


class MissingFolderError(ExportError):
    """A target whose folder does not exist: an export never creates folders on the way
    (a typo in a path would otherwise scatter exports in new folders), as `cp` and `tar`
    do not."""


def render(
    selection: Selection,
    fmt: str,
    group_by: str = "theme",
    repeat: bool = False,
    positions: str | None = None,
) -> bytes | str:
    """The export as text (bytes for the zip archive of `qdpx`); not for `obsidian`.
    `repeat`: Markdown lists a quote under each of its themes, not only its first.
    `positions`: the unit `w3c` and `qdpx` count positions in (`DEFAULT_UNITS` if None)."""
    unit = positions or DEFAULT_UNITS.get(fmt, "")
    if fmt == "qdpx":
        return to_qdpx(selection, unit)
    if fmt == "markdown":
        return to_markdown(selection, group_by, repeat)
    if fmt == "csv":
        return to_csv(selection)
    if fmt == "json":
        return to_json(selection)
    if fmt == "w3c":
        return to_w3c(selection, unit)
    raise ExportError(f"{fmt}: not a format that renders to one file")


_READER_FOLDERS = (BACKUPS_FOLDER, SITES_FOLDER)  # backups, and how sites were cleaned


# The formats a file's extension names: the one it gives when none is chosen, and the ones
# that may be written under it (W3C annotations are JSON-LD, often saved as .json).
_BY_EXTENSION = {
    ".md": ("markdown",),
    ".markdown": ("markdown",),
    ".csv": ("csv",),
    ".json": ("json", "w3c"),
    ".jsonld": ("w3c",),
    ".qdpx": ("qdpx",),
}


def format_named(target: Path) -> str | None:
    """The format `target`'s extension names (".csv": csv), if it names one."""
    named = _BY_EXTENSION.get(target.suffix.lower())
    return named[0] if named else None


def name_against_format(target: Path, fmt: str) -> str:
    """Why `fmt` should not be written under `target`'s name ("its name says csv, not
    json; name it quotes.json"), or "" (`-o quotes.csv` had written Markdown there)."""
    named = _BY_EXTENSION.get(target.suffix.lower(), ())
    if not named or fmt in (*named, "obsidian"):  # (obsidian's target is a folder)
        return ""
    return f"{target}: its name says {named[0]}, not {fmt}; name it {target.stem}{EXTENSIONS[fmt]}"


def _another_database(path: Path) -> bool:
    """Whether `path` is a Reader database, of this library or another, or one of the files
    Reader keeps beside one: its first bytes say so (`{"meta":{"1":{"schema":`, as Reader
    writes it: a clone that leaves out what the README's .gitignore names has nothing
    beside it), or what is beside it does (its lock, journal or backups), or its name is one
    of Reader's own (`.reader.json.journal` of another library)."""
    name = path.name
    if _SIDE_FILE.fullmatch(name):
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(256)
    except OSError:
        head = b""
    # (Reader writes its tables meta first; pretty-printed or sorted, they begin another
    # of them: `{"annotations": {"1": {`)
    if _DATABASE_HEAD.match(b"".join(head.split())):
        return True
    return (
        (path.parent / f".{name}.lock").exists()
        or (path.parent / f".{name}.journal").exists()
        or any((path.parent / ".reader-backups").glob(f"{glob_escape(name)}.*.json"))
    )


_DATABASE_HEAD = re.compile(rb'\{"(?:meta|annotations|articles|deleted)":\{("\d+":\{|\})')
# What Reader keeps beside a database `X.json`: `.X.json.journal`, `.lock`, `.index` ...
_SIDE_FILE = re.compile(
    r"\..+\.json\.(?:journal|lock|open|viewing|stat|index|index-state|index-rows|feeds\.json)",
    re.DOTALL,  # (a database's name may hold a line break)
)


def check_target(target: Path, where: Locations, *, folder: bool = False) -> None:
    """Refuse a target that is Reader's own data; see the module docstring."""
    if name_too_long(target.expanduser()):
        raise ProtectedPathError(f"{shown_name(str(target))}: {TOO_LONG}")
    resolved = target.expanduser().resolve()
    db = where.db.resolve()
    # (compared as a disk that ignores case compares them: on macOS and Windows,
    # "reader.JSON" is the database)
    beside = str(resolved.parent).casefold() == str(db.parent).casefold()
    name, stem = resolved.name.casefold(), db.stem.casefold()
    kept = (  # the database, the feeds file, and what Reader keeps beside them
        (beside and name == db.name.casefold())
        or (beside and name == f"{stem}.feeds.json")
        or (beside and name.startswith((f".{db.name.casefold()}", f".{stem}.feeds.json")))
        or any(
            _within(resolved, folder / kept_folder)
            for folder in {db.parent, where.library.resolve()}  # (the two differ with --db)
            for kept_folder in _READER_FOLDERS
        )
    )
    if kept:
        raise ProtectedPathError(
            f"{target}: that is Reader's own data (its database, journal, index, lock, feeds "
            "or backups); write the export somewhere else"
        )
    if not folder and resolved.exists() and not resolved.is_file() and not resolved.is_dir():
        raise ProtectedPathError(
            f"{target}: not a regular file (a device, a pipe or a socket); give a file name"
        )
    if target.expanduser().is_symlink() and not resolved.is_file() and not resolved.is_dir():
        # ("-o /dev/stdout --force", stdout a pipe: as root, /dev/stdout itself was
        # replaced by a file; the export is written where a link leads, never over it)
        raise ProtectedPathError(
            f"{target}: a link to no regular file; give a file name (with no -o, the "
            "export is written to standard output)"
        )
    if (resolved.is_file() or _SIDE_FILE.fullmatch(resolved.name)) and _another_database(resolved):
        raise ProtectedPathError(  # (`--force` wrote over another library's database)
            f"{target}: that is a Reader database (its lock, journal or backups are beside "
            "it); write the export somewhere else"
        )
    parent = target.expanduser().parent
    if not parent.is_dir():
        what = "not a folder" if parent.exists() else "no such folder"
        raise MissingFolderError(
            f"{parent}: {what} (for {target}); create it first, or give another path"
        )
    library = where.library.resolve()
    inside = resolved == library or resolved.is_relative_to(library)
    if inside and (folder or resolved.suffix.lower() in ARTICLE_SUFFIXES or resolved.is_dir()):
        raise ProtectedPathError(
            f"{target}: inside the library folder, where it would be (or replace) an "
            "article; write the export outside the library"
        )


def export_folder(library: Path, current: Path) -> Path:
    """The folder an export is suggested in: the current one, unless it is the library or
    inside it (a Markdown draft there would be an article, and is refused), then the
    folder that holds the library."""
    with contextlib.suppress(OSError):
        if current.resolve().is_relative_to(library.resolve()):
            return library.resolve().parent
    return current


def _within(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or inside it, letters compared whatever their case."""
    inner, outer = str(path).casefold(), str(folder).casefold()
    return inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep)


def write_export(
    selection: Selection,
    fmt: str,
    target: Path,
    where: Locations,
    group_by: str = "theme",
    *,
    force: bool = False,
    repeat: bool = False,
    positions: str | None = None,
) -> str:
    """Write the export to `target` (a folder for `obsidian`); returns a one-line summary."""
    check_target(target, where, folder=fmt == "obsidian")
    count = len(selection.annotations)
    articles = len(selection.articles)
    try:
        if fmt == "obsidian":
            if target.exists() and not target.is_dir():
                raise ExportError(f"{target}: is a file; Obsidian notes go in a folder: name one")
            written = write_notes(to_obsidian(selection), target, force=force)
            return (
                f"{plural(count, 'annotation')} from {plural(articles, 'article')} as "
                f"{plural(written, 'note')} in {shown_name(str(target))}"
            )
        if target.is_dir():
            raise ExportError(f"{target}: is a folder; give a file name")
        if target.exists() and not force:
            raise ExportError(f"{target}: already exists; use --force to replace it")
        payload = render(selection, fmt, group_by, repeat, positions)
        # (through a link to the file it leads to: the link itself is left as it was)
        destination = target.resolve() if target.is_symlink() else target
        write_atomically(
            destination, payload if isinstance(payload, bytes) else payload.encode("utf-8")
        )
    except OSError as error:
        raise ExportError(f"{target}: cannot write it ({error.strerror or error})") from None
    shown = shown_name(str(target))  # (a line break in it would forge a second line)
    return f"{plural(count, 'annotation')} from {plural(articles, 'article')} to {shown}"


MAX_NOTE_BYTES = 16 << 20  # a note read back to keep what was written in it


class NotesInTheWay(ExportError):
    """Notes of the export's names that hold no part Reader may replace (the user's own
    notes, marks broken by hand, links, read-only notes): replaced only with `force`."""

    def __init__(self, folder: Path, notes: list[tuple[str, str]]) -> None:
        self.notes = notes
        name, why = notes[0]
        more = f" (and {plural(len(notes) - 1, 'more note')})" if len(notes) > 1 else ""
        super().__init__(
            f"{folder / name}: {why}{more}; use --force to replace "
            f"{'them' if more else 'it'} with Reader's notes, dropping what is written there"
        )


@dataclass
class _Vault:
    """The notes already in an export's folder, by their names as the file system compares
    them (several spellings where it tells case apart), grouped by the name's stem without
    its number, and Reader's part of those read so far."""

    folder: Path
    names: dict[str, list[str]]  # name_as_compared -> the names as written
    read: dict[str, tuple[str, ReaderPart | str, int]] = field(default_factory=dict)
    stems: dict[str, list[str]] = field(default_factory=dict)  # stem -> names as compared
    _owners: dict[str | None, dict[tuple[str, str], str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for compared in sorted(self.names):
            self.stems.setdefault(_stem(compared), []).append(compared)

    def holds(self, compared: str) -> bool:
        return compared in self.names

    def owners(self, stem: str | None) -> dict[tuple[str, str], str]:
        """The notes of a stem (every note, for None) by the article their part names
        (("key", key)), or for a note of an earlier Reader by the address its front matter
        gives (("url", url)), as written: read once a stem (4,000 notes of one title had
        each read them all). A key or an address two notes give stands for neither."""
        if stem not in self._owners:
            found: dict[tuple[str, str], str] = {}
            twice: set[tuple[str, str]] = set()
            for compared in self.stems.get(stem, []) if stem is not None else sorted(self.names):
                written = self.written(compared)
                there = self.note(compared)
                if written is None or there is None or isinstance(there[1], str):
                    continue
                owner = (
                    ("key", there[1].article) if there[1].article else ("url", _front_url(there[0]))
                )
                if not owner[1]:
                    continue
                if owner in found:
                    twice.add(owner)
                found.setdefault(owner, written)
            self._owners[stem] = {k: v for k, v in found.items() if k not in twice}
        return self._owners[stem]

    def written(self, name: str) -> str | None:
        """The spelling of `name` a note is read under: the one written so, else the only
        one; None when there is none, or several and none written so."""
        spellings = self.names.get(name_as_compared(name))
        if not spellings:
            return None
        if name in spellings:
            return name
        return spellings[0] if len(spellings) == 1 else None

    def note(self, name: str) -> tuple[str, ReaderPart | str, int] | None:
        """The text of the note called `name`, its part of Reader's (or why it has none)
        and its mode; None when there is no such note. Where the file system tells case
        apart and holds the name in several spellings, the one written so, else in the way."""
        spellings = self.names.get(name_as_compared(name))
        if not spellings:
            return None
        written = self.written(name)
        if written is None:
            return "", f"is written in {len(spellings)} spellings in the folder: keep one", 0
        if written not in self.read:
            self.read[written] = self._read(self.folder / written)
        return self.read[written]

    @staticmethod
    def _read(path: Path) -> tuple[str, ReaderPart | str, int]:
        try:
            status = path.lstat()
            if stat.S_ISLNK(status.st_mode):
                return "", "is a link (Reader replaces no note through a link)", 0
            if not status.st_mode & stat.S_IWUSR:
                return "", "is read-only", 0
            # (bytes that are no UTF-8 are kept as they were: a note is the user's)
            text = read_bounded(path, MAX_NOTE_BYTES).decode("utf-8", "surrogateescape")
        except OSError as error:
            return "", f"cannot be read ({error.strerror or error})", 0
        return text, reader_part(text), stat.S_IMODE(status.st_mode)


def _stem(compared: str) -> str:
    """A note's name as compared, without ".md" and the number another note of its title
    gave it ("budget vote 2.md" -> "budget vote")."""
    return re.sub(r"(?: \d+)?\.md$", "", compared)


def _own_note(
    vault: _Vault, name: str, key: str, url: str, planned: set[str]
) -> tuple[str, tuple[str, ReaderPart | str, int]] | None:
    """The note in `vault` that is the article's own (not one of `planned`): its part names
    the article (`key`), or, written by a Reader before parts named articles, its front
    matter gives the article's address (`url`). Looked for first among the notes named as
    `name` is, with or without a number, then among all (a title changed since, a note the
    user renamed)."""
    wanted = [("key", key)] + ([("url", url)] if url else [])
    for stem in (_stem(name_as_compared(name)), None):
        owners = vault.owners(stem)
        for owner in wanted:
            found = owners.get(owner)
            if found is not None and name_as_compared(found) not in planned:
                there = vault.note(found)
                if there is not None:
                    return found, there
    return None


def _front_url(note: str) -> str:
    """The address a note's front matter gives (`url:`, quoted or not, whatever the line
    endings), or ""."""
    lines = note.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return ""
    for line in lines[1:]:
        if line.strip() in ("---", "..."):
            break
        label, colon, value = line.partition(":")
        if colon and label.strip() == "url":
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                quote, value = value[0], value[1:-1]
                if quote == '"':
                    value = re.sub(r"\\(.)", r"\1", value)
            return value
    return ""


def _numbered(name: str, number: int) -> str:
    return f"{name.removesuffix('.md')} {number}.md"


def plan_notes(
    notes: dict[str, str], folder: Path
) -> tuple[dict[str, tuple[str, int]], list[tuple[str, str]]]:
    """Where each of `notes` goes in `folder` and what is written there (with the mode of
    the note it replaces, 0 for a new one), and the notes in the way.

    A note exported before keeps what the user wrote around Reader's part of it: only that
    part is replaced. A note is the article's own when its part names the article (its name
    may have a number another export gave it: two articles of one title), or, for a note of
    a Reader before parts named articles, when its front matter gives the article's address
    or none; a note of another article is left to it, and this one takes the next free
    number. A note of that name with no part of Reader's is in the way."""
    names: dict[str, list[str]] = {}
    if folder.is_dir():
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".md"):
                    names.setdefault(name_as_compared(entry.name), []).append(entry.name)
    vault = _Vault(folder, names)
    planned: dict[str, tuple[str, int]] = {}
    planned_names: set[str] = set()
    in_the_way: list[tuple[str, str]] = []

    def place(name: str, text: str, mode: int) -> None:
        planned[name] = (text, mode)
        planned_names.add(name_as_compared(name))

    # First the notes that have one already: at their name, or under another number of it.
    waiting: list[tuple[str, str]] = []
    for name, text in notes.items():
        new = reader_part(text)
        key = new.article if isinstance(new, ReaderPart) else ""
        url = _front_url(text)
        there = vault.note(name)
        if there is not None and isinstance(there[1], ReaderPart):
            part = there[1]
            legacy_same = not part.article and (not url or _front_url(there[0]) in ("", url))
            if (part.article == key or legacy_same) and name_as_compared(name) not in planned_names:
                place(name, with_reader_part(there[0], text) or text, there[2])
                continue
        own = _own_note(vault, name, key, url, planned_names)
        if own is not None:
            chosen, (old_text, _, mode) = own
            place(chosen, with_reader_part(old_text, text) or text, mode)
            continue
        waiting.append((name, text))
    # Then the others: their name when free, else the next free number (a name another
    # note of the export waits for is left to it).
    wanted = {name_as_compared(name) for name, _ in waiting}
    for name, text in waiting:
        compared = name_as_compared(name)
        wanted.discard(compared)
        there = vault.note(name) if compared not in planned_names else None
        if there is not None and isinstance(there[1], str):
            in_the_way.append((name, there[1]))
            place(name, text, there[2])
            continue
        if there is None and compared not in planned_names:
            place(name, text, 0)
            continue
        number = 2
        while (numbered := name_as_compared(_numbered(name, number))) in wanted or (
            vault.holds(numbered) or numbered in planned_names
        ):
            number += 1
        place(_numbered(name, number), text, 0)
    return planned, in_the_way


def write_notes(notes: dict[str, str], folder: Path, *, force: bool = False) -> int:
    """Write `notes` (file name -> text) into `folder`, all or nothing; how many were written.

    Where each goes, and what of an existing note is kept, is `plan_notes`'s. Without
    `force`, a note in the way stops the export before anything is written
    (`NotesInTheWay`); with it, that note is replaced. A replaced note keeps its mode.
    """
    folder.mkdir(parents=True, exist_ok=True)
    blocked = [name for name in notes if (folder / name).is_dir()]
    if blocked:
        raise ExportError(f"{folder / blocked[0]}: a folder is in the way of a note")
    planned, in_the_way = plan_notes(notes, folder)
    if in_the_way and not force:
        raise NotesInTheWay(folder, in_the_way)
    staging = Path(tempfile.mkdtemp(prefix=".reader-export-", dir=folder))
    placed: list[tuple[Path, Path | None]] = []  # (note in place, the file it replaced)
    try:
        (staging / "new").mkdir()
        (staging / "old").mkdir()
        for name, (text, mode) in planned.items():
            written = staging / "new" / name
            with written.open("xb") as handle:  # (a private folder: no one sees it half done)
                handle.write(text.encode("utf-8", "surrogateescape"))
                if mode:  # a note it replaces, perhaps edited by hand: on disk before that goes
                    handle.flush()
                    os.fsync(handle.fileno())
            if mode:
                os.chmod(written, mode)
        for name in planned:
            final, kept = folder / name, None
            if final.is_symlink() or final.exists():
                kept = staging / "old" / name
                os.replace(final, kept)
            placed.append((final, kept))
            os.replace(staging / "new" / name, final)
        fsync_folder(folder)  # (one sync of the folder, not one of each of 600 notes: 3.5 s)
    except BaseException:
        for final, kept in reversed(placed):
            with contextlib.suppress(OSError):
                if kept is not None:
                    os.replace(kept, final)
                else:
                    final.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(planned)
