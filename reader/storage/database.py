"""The annotation database: one TinyDB JSON file, a journal beside it, a typed memory model.

Tables (see DESIGN.md): `meta` (schema and writer version, next article id, generation),
`articles`, `annotations`, `sources`, `themes`. The `Store` holds them in memory as typed
records (`Tables`) and makes every change a *transaction*: it takes the thread lock and the
file lock, catches up with what another process wrote since (a new journal line: applied;
a new database file: read again), applies the change in memory, and appends it to the
journal as one checksummed line, flushed to disk before the call returns (`Journal`). The
cost of a save is the change, not the database.

The journal is *folded* into `reader.json` (the whole file rewritten atomically, rotating
backups taken first, the generation counted up, then the journal removed) when the app is
idle, at exit, when it passes `FOLD_BYTES`, by `reader doctor --fix`, and when a command
line tool that wrote closes the store. On open, the file is read and its journal replayed;
a torn last line (a crash during an append) is dropped, a journal of another generation (a
crash between a fold and the journal's removal) is ignored. So a change is on disk once
its call returns, and `reader.json` is always a whole TinyDB file.

Writes go to the tables directly rather than through TinyDB's Table API, which copies a
whole table on every operation; the file keeps TinyDB's layout (`TinyDB(path)` reads it).

Change detection is exact: a fold replaces the file (a new inode), and the store keeps the
file it last read or wrote open, so its inode cannot be reused; a different inode means
someone else folded. Journal growth is another process's change. A damaged file or
journal, or a file from a newer Reader, is refused with a one-line message and never
overwritten; an older schema is migrated after a backup.

Threading: the UI runs writes off its thread. Reads used by the UI (`annotations_for`,
`article`, counts, the codebook) return immutable snapshots and never wait for a write.
Listeners hear of every change, our own and (through `refresh()` or a transaction's
catching up) other processes'; they run on the writing thread.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
import time
import unicodedata
import zlib
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, replace
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO

import msgspec
from filelock import FileLock, Timeout

from reader import __version__
from reader.core.codebook import clean_name, name_key, unique_names
from reader.core.collector import collector_paused
from reader.core.memory import give_back_freed_memory
from reader.core.merge_rule import newer, resolve, same_content, stays_deleted
from reader.core.records import (
    QUICK_KEYS,
    Annotation,
    ArticleRecord,
    Change,
    DatabaseFile,
    Listener,
    RecordError,
    Source,
    Theme,
    checked,
    entry_document,
    now,
)
from reader.core.text import clean_line
from reader.core.wording import plural
from reader.storage.atomic import write_atomically
from reader.storage.backups import FOLDER as BACKUPS_FOLDER
from reader.storage.backups import Backups
from reader.storage.journal import Journal, JournalError, LineTooLarge, new_journal_id
from reader.storage.json_keys import TWICE_IN_ONE_OBJECT
from reader.storage.migrations import SCHEMA_VERSION, migrate, schema_of
from reader.storage.sessions import Session, Viewing, app_holds
from reader.storage.tables import (
    ANNOTATIONS,
    ARTICLES,
    DELETED,
    HEAD,
    META,
    ONLY_ANNOTATIONS,
    SOURCES,
    THEMES,
    Operation,
    Tables,
    TablesError,
    deletion_doc,
    replayed,
    well_formed,
)
from reader.storage.tables import (
    article_id as checked_article_id,
)
from reader.storage.tinydb_storage import (
    AtomicJSONStorage,
    StorageError,
    TableSpan,
    TableView,
    read_database_bytes,
)

LOCK_TIMEOUT = 15.0
DAMAGE_SETTLES = 1.0  # seconds a damaged file stays unchanged before it is taken for damage
HOLD_SECONDS = 1.0  # the longest the annotations' reading waits, each time it is held back
# A database's file name at most (a file name holds 255 bytes): a backup's is 40 bytes longer
# (".before-migration.20261207-153000-000000.json"), and its temporary copy's 14 more; the
# side files add ".", ".index-state" and the like (200 had left a backup no room).
MOST_NAME_BYTES = 180
FOLD_BYTES = 8 * 1024 * 1024
# The meta key listing the ids of the journals folded into the file (the last FOLDED_KEPT):
# a journal left behind by a fold cut short is among them; one the file never took in is not.
FOLDED_JOURNALS = "folded_journals"
FILE_ID = "file_id"  # each file's own id, new at each fold, named by the journals begun on it
_FILE_FIELDS = ("generation", FILE_ID, FOLDED_JOURNALS)  # a file's own, never a journal's
FOLDED_KEPT = 32  # a journal larger than this is folded after the write
RawTable = msgspec.Raw | TableSpan  # the annotations table, as read before it is decoded
RECOVERY = "`reader restore` goes back to a backup; `reader doctor` checks and repairs"


STALE_BACKUP_SECONDS = 3600  # a backup's temporary copy older than this was cut short


class StoreError(Exception):
    """The database cannot be used; the message is one line naming the file and what to do."""


class NewerFileError(StoreError):
    """The file was written by a newer Reader: not damage, and not to be put back over."""


class DamagedFileError(StoreError):
    """The file a running store holds was found damaged when read again (the store's own
    copy is whole: `Store.keep_held_copy`)."""


class JournalChangeError(StoreError):
    """A journal change whose line is whole but whose content is malformed (made by hand or
    by a crafted file): `change` is its number (1 for the first after the generation line),
    from which `reader doctor --fix` sets the journal aside."""

    def __init__(self, message: str, change: int) -> None:
        super().__init__(message)
        self.change = change


def _identity(folder: Path) -> tuple[int, int] | None:
    """Which folder is at `folder` (its device and inode), or None when there is none."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISDIR(info.st_mode) else None


def _file_id(meta: dict[str, Any]) -> str | None:
    """The file's own id (None for a file an older Reader wrote)."""
    found = meta.get(FILE_ID)
    return found if isinstance(found, str) and found else None


def _folded_journals(meta: dict[str, Any]) -> list[str]:
    """The ids of the journals the file records as folded into it (a malformed entry, made
    by hand, is no id)."""
    found = meta.get(FOLDED_JOURNALS)
    return [item for item in found if isinstance(item, str)] if isinstance(found, list) else []


def lock_path(db: Path) -> Path:
    """The lock file that serialises writers of `db`."""
    return db.with_name(f".{db.name}.lock")


@contextlib.contextmanager
def locked(db: Path, lock: FileLock | None = None) -> Iterator[None]:
    """Hold the writers' lock of `db` (an OS file lock, released if the process dies)."""
    lock = lock or FileLock(str(lock_path(db)), timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout:
        # (never "delete the lock file": the lock is the system's, gone with the process
        # that held it, so a wait means a Reader at work; a tester who deleted it lost a
        # tag to the two writers that followed)
        raise StoreError(
            f"{db}: another Reader has been writing for {LOCK_TIMEOUT:.0f} s (a long import "
            "or merge?); nothing was changed: try again when it is done"
        ) from None
    except OSError as error:
        held = lock_path(db)
        if held.is_symlink() or held.is_dir():  # (it can come with a shared folder)
            what = "a link" if held.is_symlink() else "a folder"
            advice = f"it is {what}, not Reader's lock file: remove it (Reader makes its own)"
        else:
            advice = "check the folder is writable"
        raise StoreError(f"{held}: cannot lock the database ({error.strerror}); {advice}") from None
    try:
        yield
    finally:
        lock.release()


class Store:
    """The database of one library: articles, annotations and the codebook."""

    def __init__(
        self, path: Path, *, backups: bool = True, lazy: bool = False, session: bool = False
    ) -> None:
        """Open the database at `path`. `lazy`: return once articles and codebook are read,
        and read the annotations on a thread (the app draws its first frame meanwhile;
        `annotations_for` and counts are empty until then, listeners hear them arrive, and
        every other read or write waits for them). `session`: an app's store, which says
        it holds the database for as long as it is open (`storage.sessions`)."""
        self.path = _real_path(Path(path))
        if len(os.fsencode(self.path.name)) > MOST_NAME_BYTES:
            raise StoreError(
                f"{self.path}: a database's name may be at most {MOST_NAME_BYTES} bytes, to "
                "leave room for the files Reader keeps beside it (its journal, lock and "
                "backups); rename it, or give --db a shorter name"
            )
        self.read_only = _is_read_only(self.path)
        self._folder = _identity(self.path.parent)  # (None: no folder there yet)
        # (the damaged file's signature a `recovered` backup was kept for, and its words)
        self._recovered: tuple[tuple[int, int, int] | None, str] | None = None
        self._damage_seen: tuple[int, int, int] | None = None  # a damaged file seen once
        self.backups = Backups(self.path) if backups and not self.read_only else None
        self.journal = Journal(self.path)
        self._lock = threading.RLock()
        self._file_lock = FileLock(str(lock_path(self.path)), timeout=LOCK_TIMEOUT)
        self._listeners: list[Listener] = []
        self._depth = 0
        self._pending: list[Operation] = []
        self._held: BinaryIO | None = None
        self._signature: tuple[int, int, int] | None = None
        self._read_signature: tuple[int, int, int] | None = None
        self._journal_checked: tuple[int, int] | None = None  # its (inode, size) last seen
        self._journal_end = 0  # the end of the journal lines applied
        self._journal_current = False  # the journal continues the file we hold
        self._journal_id: str | None = None  # the id of that journal (None: an older Reader's)
        self._adopted_id: str | None = None  # the id of the journal `_adopted` came from
        self._foreign_id: str | None = None  # the id of the journal `_foreign` holds
        self._foreign_merged = False  # `_foreign` is taken as a merge takes a teammate's
        self._foreign: list[dict[str, Any]] = []  # another generation's journal, to check
        self._adopted: list[dict[str, Any]] = []  # its changes the file lacks, kept
        self._wrote = False  # this store appended to the journal since it was last folded
        self.saves = 0  # changes this store saved since it was opened (none: nothing written)
        self._cleaned = False
        self._loaded = threading.Event()
        self._load_error: StoreError | None = None
        self._unsorted: set[int] = set()  # articles whose annotations are not in order yet
        self._rest: tuple[RawTable, list[dict[str, Any]]] | None = None
        # The annotations table of a lazy store's file, for the search index to read apart
        # while the store decodes it (`take_table_view`): only when no journal line applies.
        self._view: TableView | None = None
        self._may_load = threading.Event()  # cleared: the annotations' reading waits
        self._may_load.set()
        # The annotations table's checksum as read, while the annotations are exactly what
        # it holds (no journal change applied at the load, none made since): None otherwise.
        self._as_read: tuple[int, int] | None = None
        self._storage = AtomicJSONStorage(
            self.path,
            schema=DatabaseFile,
            before_write=self.backups.before_write if self.backups else None,
            read_only=self.read_only,
        )
        try:
            with collector_paused(freeze=True):
                self._open(lazy)
        except OSError as error:
            raise StoreError(f"{self.path}: cannot open the database ({error.strerror})") from None
        # (held once the file exists: an app on a library with no database yet holds
        # nothing a command could lose, and a first `reader add` beside it was refused)
        self._wants_session = session and not self.read_only
        self._session: Session | None = None
        self._viewing: Viewing | None = None  # which articles apps have on screen
        self._hold_session()

    # --- opening and reloading ---
    def _open(self, lazy: bool) -> None:
        if not self.path.exists():
            self._refuse_if_it_was_here()
            self._start_empty()  # the file is written with the first change, not before
            return
        data = self._read()
        older = self._schema(data) < SCHEMA_VERSION
        if older and self.read_only:
            raise StoreError(
                f"{self.path}: written by an older Reader and read-only, so it cannot be "
                "brought up to date; make it writable once, or open a writable copy"
            )
        if older:
            self._load(data)  # validates the file before it is migrated
            self._load_rest(*self._load_head(data))
            with self._process_lock():
                self._migrate()
            data = self._read()
            lazy = False
        rest = self._load_head(data)
        self._remember_file(read=True)
        if lazy:
            self._rest = rest  # read by `start_loading`, or the first read that waits
            raw, records = rest
            if isinstance(raw, TableSpan) and not records:
                self._view = raw.view()
        else:
            self._load_rest(*rest)

    def _load_head(
        self, data: dict[str, Any], ours: bool = False
    ) -> tuple[RawTable, list[dict[str, Any]]]:
        """Everything but the annotations, from the file and its journal; what is left to
        load: the annotations' raw JSON and the journal's records. `ours`: the journal is
        the one this store has been writing, as it left it."""
        self._load(data)
        self._journal_checked = self.journal.signature()  # before reading: nothing missed
        reading = self._read_journal(0)
        file_id = _file_id(self._tables.meta)
        # (a journal of the file's generation continues it only when it names no other
        # file: a laptop's unsaved journal under a synced copy of the desktop's file, of the
        # same generation, had been applied whole over the desktop's later changes)
        other_file = reading.continues is not None and reading.continues != file_id
        self._journal_current = reading.generation == self._generation and not other_file
        self._journal_id = reading.journal_id if self._journal_current else None
        self._journal_end = reading.end
        records = reading.records if self._journal_current else []
        # A journal of an earlier generation is one a fold already put in the file (its
        # removal interrupted), and is ignored (copied aside before it is replaced, if it
        # holds changes the file lacks: `_keep_unfolded_journal`). But when it is the one
        # this store has been writing, or it continues a later generation than the file's
        # (an older copy put in place while no Reader ran: a restore by hand, a sync, after
        # the app was killed), the file was replaced from outside while the journal held
        # changes it may lack: `_load_rest` tells, once annotations are read.
        # (and the file read is still the one on disk: a fold another process made after
        # it was read, then a journal begun on the fold, is not a later journal of this file)
        later = (
            reading.generation is not None
            and reading.generation > self._generation
            and self._disk_signature() == self._read_signature
        )
        # An earlier generation's journal that no fold of this file's line took in (its id
        # is not among the journals the file records as folded): the file was replaced from
        # outside (a `git pull`, a sync) while the journal held changes Reader had saved,
        # and the app was then killed (a terminal closed); its changes were dropped unsaid.
        unfolded = (
            reading.generation is not None
            and (reading.generation < self._generation or other_file)
            and reading.journal_id is not None
            and reading.journal_id not in _folded_journals(self._tables.meta)
            and self._disk_signature() == self._read_signature
        )
        # (a journal the file records as folded is never taken in again, whoever wrote it:
        # a fold cut short by another Reader left its journal, which this store had written
        # the last line of, and its changes were merged back over the file's)
        folded = reading.journal_id is not None and reading.journal_id in _folded_journals(
            self._tables.meta
        )
        self._foreign = (
            reading.records
            if (ours or later or unfolded) and not self._journal_current and not folded
            else []
        )
        self._foreign_id = reading.journal_id
        # (such a journal's changes are taken as a merge takes a teammate's: not where the
        # file holds the annotation changed or deleted since, a journal left by a fold cut
        # short, its id since gone from the file's list, brought a deletion back)
        # (and so is this store's own journal, or a later generation's, under a file put in
        # place from outside: a `git pull` while the app ran put its older edit back over a
        # teammate's later one, and an annotation they deleted came back)
        self._foreign_merged = bool(self._foreign)
        self._apply_records(records, HEAD)
        if not self._loaded.is_set():
            self._rebuild_snapshots()  # no annotations yet: empty counts until they come
        return data[ANNOTATIONS], records

    def _load_rest(
        self, raw: RawTable, records: list[dict[str, Any]], meanwhile: bool = False
    ) -> None:
        """The annotations, from the file and then the journal (`meanwhile`: on a thread
        beside the UI, which gets the interpreter between pieces)."""
        try:
            annotations = Tables.decode_annotations(raw, self._between if meanwhile else None)
        except TablesError as error:
            if TWICE_IN_ONE_OBJECT in str(error):  # (its message says what to do)
                raise StoreError(f"{self.path}: {error}") from None
            hint = "run `reader doctor --fix` (it keeps both)" if "twice" in str(error) else ""
            raise StoreError(
                f"{self.path}: {error}; Reader will not overwrite it: {hint or RECOVERY}"
            ) from None
        checksum = _checksum(raw) if not records else None
        with self._lock:
            self._tables.annotations = annotations
            self._as_read = checksum
            self._apply_records(records, ONLY_ANNOTATIONS)
            foreign, self._foreign = self._foreign, []
            if self._foreign_merged:
                foreign = self._not_older_than_the_file(foreign)
            self._adopted = []  # (what an earlier read adopted is in the file or journal now)
            if foreign and self._unsaved(foreign):
                # Changes Reader acknowledged that the file does not hold: kept, applied on
                # top as a journal of the file's own generation is, and written into the
                # next journal (never cut away unsaved when it starts) or the next fold.
                self._apply_records(foreign)
                self._adopted = foreign
                self._adopted_id = self._foreign_id
            self._rebuild_snapshots()
            self._loaded.set()

    def _load_rest_meanwhile(self, raw: RawTable, records: list[dict[str, Any]]) -> None:
        """On its own thread: load the annotations, then tell listeners they are here."""
        try:
            with collector_paused(freeze=True):
                self._load_rest(raw, records, meanwhile=True)
        except StoreError as error:
            self._load_error = error
            self._loaded.set()
            self._let_go_of_view()
            return
        del raw, records
        self._let_go_of_view()  # (not taken while they were decoded: not wanted)
        give_back_freed_memory()  # what decoding the file left behind
        self._notify(Change(added=tuple(self._tables.annotations.values()), loaded=True))

    def start_loading(self) -> None:
        """Read the annotations of a `lazy` store on a thread (the app calls it once its
        first frame is drawn); nothing when they are read or being read."""
        with self._lock:
            rest, self._rest = self._rest, None
        if rest is not None:
            threading.Thread(
                target=self._load_rest_meanwhile, args=rest, name="reader-load", daemon=True
            ).start()

    def _between(self) -> None:
        """Between two pieces of the annotations read on a thread: the UI gets the
        interpreter lock, and the reading waits while it is held back (`loading_held`)."""
        time.sleep(0)  # gives up the interpreter lock for a moment
        self._may_load.wait(HOLD_SECONDS)

    @contextlib.contextmanager
    def loading_held(self) -> Iterator[None]:
        """Hold back the reading of a lazy store's annotations for the duration (between
        two of its pieces, `HOLD_SECONDS` at most each): a search waiting for the kept
        index gets the interpreter to itself. Holds are not counted: do not nest them."""
        self._may_load.clear()
        try:
            yield
        finally:
            self._may_load.set()

    def take_table_view(self) -> TableView | None:
        """While a lazy store's annotations are being read: the annotations table of the
        file it opened, to be read apart and closed by the caller (once: None after, and
        None when a journal line applies on top of the table or the annotations are read)."""
        with self._lock:
            view, self._view = self._view, None
        return view

    def _let_go_of_view(self) -> None:
        view = self.take_table_view()
        if view is not None:
            view.close()

    def wait_loaded(self) -> None:
        """Wait until the annotations are read (at once for a store not opened `lazy`);
        `StoreError` if they could not be."""
        self.start_loading()
        self._loaded.wait()
        if self._load_error is not None:
            raise self._load_error

    @property
    def settled(self) -> bool:
        """Whether the reading of the annotations is over (read, or failed: see `loaded`)."""
        return self._loaded.is_set()

    @property
    def loaded(self) -> bool:
        """Whether the annotations are read (see `lazy`)."""
        return self._loaded.is_set() and self._load_error is None

    def _hold_session(self) -> None:
        """Say this app holds the database (`storage.sessions`), once its file exists."""
        if self._wants_session and self._session is None and self.path.exists():
            self._session = Session(self.path)

    def showing(self, article_id: int | None) -> None:
        """The app has this article on screen now (None: none); see `article_on_screen`."""
        if self._wants_session:
            self._viewing_file().show(article_id)

    def keep_showing(self) -> None:
        """Every few seconds in the app: its article still marked on screen, should the
        file that says so have been deleted or replaced."""
        if self._viewing is not None:
            self._viewing.keep_up()

    def article_on_screen(self, article_id: int) -> bool:
        """Whether a Reader app, this one or another, has the article on screen (a feed's
        `--keep` leaves it: `storage.sessions.Viewing`)."""
        return self._viewing_file().on_screen(article_id)

    def _viewing_file(self) -> Viewing:
        if self._viewing is None:
            self._viewing = Viewing(self.path)
        return self._viewing

    def _refuse_if_it_was_here(self) -> None:
        """A database file missing while a Reader app holds it open: refused, not begun
        again empty. (A sync client, `git stash` or a `mv` had it away for a moment while
        `reader add` ran: that command wrote an empty database, the app took it in and
        saved it so, and every annotation was gone.) With no app open, the file was
        deleted on purpose, and a new database begins."""
        if app_holds(self.path):
            raise StoreError(
                f"{self.path}: the database is missing while a Reader app is open on this "
                "library; that app holds it whole and writes it back at its next save (tag "
                "once, or quit it), then try again"
            )

    def _start_empty(self) -> None:
        """An empty database in memory, for a file that does not exist yet."""
        meta = {
            "schema": SCHEMA_VERSION,
            "reader_version": __version__,
            "next_article_id": 1,
            "generation": 0,
        }
        self._tables = Tables(meta=meta)
        self._as_read = None
        self._rebuild_snapshots()
        self._signature = self._read_signature = None
        self._journal_checked, self._journal_end, self._journal_current = None, 0, False
        self._loaded.set()

    def _read(self) -> dict[str, Any]:
        """Decode the file; errors become one-line `StoreError`s."""
        try:
            # Another process may replace the file while we read it (a fold renames a new
            # file over it): the read counts only if the file is the same before and after,
            # and that file's signature is what later writes compare against.
            data: dict[str, Any] | None = None
            for _ in range(5):
                if data is not None:
                    _close_spans(data)  # read again: the file kept for the last read goes
                self._storage.close()
                before = self._disk_signature()
                data = self._storage.read()
                self._read_signature = before
                if before is not None and before == self._disk_signature():
                    break
                self._read_signature = None  # unsure what was read: the next write reloads
        except StorageError as error:
            if error.reason in ("io", "twice", "conflict"):  # (the message says what to do)
                raise StoreError(str(error)) from None
            if error.reason == "shape":
                self._refuse_if_newer()
            raise StoreError(f"{error}; Reader will not overwrite it: {RECOVERY}") from None
        self._storage.close()  # the tables keep what they need; the decoded file goes
        if data is None:
            raise StoreError(f"{self.path}: the database disappeared while opening it; try again")
        return data

    def _refuse_if_newer(self) -> None:
        """A file that does not fit our schema may simply be from a newer Reader: say so."""
        with contextlib.suppress(OSError, msgspec.DecodeError, ValueError, RecursionError):
            version = schema_of(msgspec.json.decode(read_database_bytes(self.path)))
            if version is not None and version > SCHEMA_VERSION:
                raise NewerFileError(
                    f"{self.path}: written by a newer Reader (schema {version}, this is "
                    f"{SCHEMA_VERSION}); upgrade Reader to open it"
                )

    def _schema(self, data: dict[str, Any]) -> int:
        version = schema_of(data)
        if version is None:
            raise StoreError(
                f"{self.path}: the database has no schema version (damaged, or not a Reader "
                f"file); Reader will not overwrite it: {RECOVERY}"
            )
        if version > SCHEMA_VERSION:
            meta = next(iter(data["meta"].values()))
            raise NewerFileError(
                f"{self.path}: written by a newer Reader ({meta.get('reader_version')}, schema "
                f"{version}; this is schema {SCHEMA_VERSION}); upgrade Reader to open it"
            )
        return version

    def _migrate(self) -> None:
        """Bring an older file to the current schema, keeping a backup of the original."""
        data = msgspec.json.decode(read_database_bytes(self.path))
        version = schema_of(data)
        if version is None or version >= SCHEMA_VERSION:
            return  # another Reader migrated it meanwhile
        if self.backups is not None:
            self.backups.take("before-migration")
        meta = next(iter(migrate(data)["meta"].values()))
        meta["reader_version"] = __version__
        write_atomically(self.path, msgspec.json.encode(data))

    def _load(self, data: dict[str, Any]) -> None:
        """Build the memory model from decoded tables."""
        try:
            tables = Tables.from_file(data)
        except TablesError as error:
            hint = "run `reader doctor --fix`" if "twice" in str(error) else RECOVERY
            raise StoreError(
                f"{self.path}: {error}; Reader will not overwrite it: {hint}"
            ) from None
        if self._loaded.is_set():  # reading again: readers see the old ones until then
            tables.annotations = self._tables.annotations
        self._tables = tables

    def _read_journal(self, offset: int) -> Any:
        try:
            return self.journal.read(offset)
        except JournalError as error:
            raise StoreError(str(error)) from None

    def _apply_records(
        self, records: list[dict[str, Any]], only: frozenset[str] | None = None
    ) -> Change:
        added: list[Annotation] = []
        removed: list[Annotation] = []
        articles: dict[int, ArticleRecord] = {}
        if records:
            self._as_read = None
        for number, record in enumerate(records, start=1):
            operations = record.get("ops")
            if not isinstance(operations, list):
                raise JournalChangeError(
                    f"{self.journal.path}: change {number} holds no operations; `reader doctor "
                    "--fix` keeps what can be read and sets the rest aside",
                    number,
                )
            dropped = [  # articles removed (their records, for the listeners)
                self._tables.articles[key]
                for op in operations
                if isinstance(op, list)
                and len(op) == 3
                and op[0] == ARTICLES
                and op[2] is None
                and (key := _article_key(op[1])) in self._tables.articles
            ]
            try:
                put, gone = self._tables.apply(operations, only)
            except TablesError as error:
                raise JournalChangeError(
                    f"{self.journal.path}: change {number}: {error}; `reader doctor --fix` "
                    "keeps what can be read and sets the rest aside",
                    number,
                ) from None
            added += put
            removed += gone
            for gone_record in dropped:
                if gone_record.id not in self._tables.articles:
                    articles[gone_record.id] = replace(gone_record, missing=True)
            for operation in operations:
                if operation[0] == ARTICLES and operation[2] is not None:
                    record_id = _article_key(operation[1])  # (checked by `apply`)
                    if record_id in self._tables.articles:
                        articles[record_id] = self._tables.articles[record_id]
        return Change(added=tuple(added), removed=tuple(removed), articles=tuple(articles.values()))

    @property
    def _generation(self) -> int:
        value = self._tables.meta.get("generation", 0)
        return value if type(value) is int else 0

    def _rebuild_snapshots(self) -> None:
        every = self._tables.annotations.values()
        by_article: defaultdict[int, list[Annotation]] = defaultdict(list)
        for annotation in every:
            by_article[annotation.article_id].append(annotation)
        # Few distinct theme lists and sources: each counted once, then its names keyed.
        theme_lists = Counter(a.themes for a in every if a.themes)
        sources = Counter(a.source for a in every if a.source)
        usage: Counter[str] = Counter()
        for themes, count in theme_lists.items():
            for theme in themes:
                usage[name_key(theme)] += count
        source_usage: Counter[str] = Counter()
        for source, count in sources.items():
            source_usage[name_key(source)] += count
        # Each article's annotations are put in text order when first asked for (100,000
        # sorted at once were 55 ms of the interpreter before a start's first search).
        self._unsorted = set(by_article)  # first: a reader then takes the lock, and waits
        self._by_article = {article_id: tuple(items) for article_id, items in by_article.items()}
        self._theme_usage = usage
        self._source_usage = source_usage
        self._rebuild_articles()

    def _remember_file(self, read: bool = False) -> None:
        """Note which file we last read (`read`: its signature as read) or wrote, to notice
        another process's writes. Without `read`, we hold the lock: the file is ours."""
        if self._held is not None:
            self._held.close()
            self._held = None
        try:
            if os.name == "posix":
                self._held = self.path.open("rb")  # keeps the inode from being reused
                info = os.fstat(self._held.fileno())
            else:
                info = os.stat(self.path)
        except OSError:
            self._signature = None
            return
        current = (info.st_ino, info.st_size, info.st_mtime_ns)
        # After a read, a file replaced since then must still count as changed.
        self._signature = self._read_signature if read else current

    def _disk_signature(self) -> tuple[int, int, int] | None:
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def _file_changed(self) -> bool:
        if not self.path.exists():
            return False  # keep our state: the next write puts the whole database back
        return self._disk_signature() != self._signature

    def _changed_on_disk(self) -> bool:
        return self._file_changed() or self.journal.signature() != self._journal_checked

    def _catch_up(self) -> None:
        """Take in what another process wrote since: a new file (a fold) is read again with
        its journal; new journal lines are applied. Listeners hear what changed."""
        if self._file_changed():
            self._reload()
            return
        signature = self.journal.signature()
        checked, self._journal_checked = self._journal_checked, signature
        if signature == checked:
            return
        if signature is None or (self._journal_current and checked and signature[0] != checked[0]):
            self._reload()  # the journal went or was replaced without a fold: read it all
            return
        if self._journal_current:
            reading = self._read_journal(self._journal_end)
        else:  # a journal begun by another process (or one we ignored as folded)
            reading = self._read_journal(0)
            if reading.generation != self._generation:
                self._journal_end = reading.end
                return
            self._journal_current = True
            # (its id, so that a fold of this store records it: a fold that did not left a
            # journal it had taken in unrecorded, and a store reading between that fold and
            # the journal's removal took it for one no fold took in)
            self._journal_id = reading.journal_id
            # Another Reader began this file's journal, with what it adopted of the journal
            # both of them found (each store that opened it adopted it): written there, not
            # to be written again by this one, which would bring back what was deleted since.
            self._adopted = []
        self._journal_end = reading.end
        if reading.records:
            change = self._apply_records(reading.records)
            self._index_change(change.added, change.removed)
            self._rebuild_articles()
            if change:
                self._notify(change)

    def backup_problem(self) -> str:
        """Why the rotating backups cannot be written, when they cannot: for the user to
        hear (the saves go on without them, safe by their atomic writes)."""
        if self.backups is None:
            return ""
        if self.backups.folder.is_symlink():
            return (
                f"{self.backups.folder} is a link: Reader keeps backups only in a real folder, "
                "so none is taken; replace the link with a folder"
            )
        return self.backups.problem

    def _not_older_than_the_file(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A journal's records as a merge takes a teammate's file (`merge_rule`): an
        annotation the file holds in a later version keeps it (ours kept beside it when it
        is another coder's different coding), one deleted since stays deleted, and a
        deletion of one changed since is not made."""
        kept = []
        for record in records:
            operations = record.get("ops") if isinstance(record, dict) else None
            if not isinstance(operations, list):
                kept.append(record)  # (applying it says what is wrong with it)
                continue
            deleted_at = {
                str(op[1]): op[2].get("at")
                for op in operations
                if well_formed(op) and op[0] == DELETED and isinstance(op[2], dict)
            }
            restored = {  # (an undone deletion brings its annotation back in the same change)
                str(op[1]): op[2].get("updated")
                for op in operations
                if well_formed(op) and op[0] == ANNOTATIONS and isinstance(op[2], dict)
            }
            left = [
                merged for op in operations for merged in self._merged(op, deleted_at, restored)
            ]
            if left:
                kept.append({**record, "ops": left})
        return kept

    def _merged(
        self, operation: Any, deleted_at: dict[str, Any], restored: dict[str, Any]
    ) -> list[Any]:
        """A journal operation as a merge with the file takes it: itself, nothing, or the
        copies `resolve` keeps beside the version that keeps the id."""
        if well_formed(operation) and operation[0] == META and isinstance(operation[2], dict):
            # (the journal's meta, of its own older file: the file's generation, id and
            # folded journals stay the file's)
            own = {k: self._tables.meta[k] for k in _FILE_FIELDS if k in self._tables.meta}
            return [[META, operation[1], {**operation[2], **own}]]
        if not well_formed(operation) or operation[0] not in (ANNOTATIONS, DELETED):
            return [operation]
        _, key, doc = operation
        held = self._tables.annotations.get(str(key))
        if operation[0] == DELETED and doc is None:  # a deletion undone: not over a later one
            theirs = self._tables.deleted.get(str(key))
            back = restored.get(str(key))
            later = theirs is not None and not (isinstance(back, str) and newer(back, theirs))
            return [] if later else [operation]
        if operation[0] == DELETED or doc is None:  # a deletion: not of a version changed since
            at = deleted_at.get(str(key))
            changed_since = held is not None and isinstance(at, str) and newer(held.updated, at)
            return [] if changed_since else [operation]
        try:
            ours = msgspec.convert(doc, Annotation)
        except (msgspec.ValidationError, TypeError):
            return [operation]  # (applying it says what is wrong with it)
        if stays_deleted(self._tables.deleted.get(str(key)), ours.updated):
            return []  # deleted since this version was made
        if held is None:
            return [operation]
        if same_content(ours, held):
            return []
        winner, copy = resolve(ours, held)
        taken = [operation] if winner is ours else []
        if copy is not None and copy.id not in self._tables.annotations:
            taken.append([ANNOTATIONS, copy.id, msgspec.to_builtins(copy)])
        return taken

    def _unsaved(self, records: list[dict[str, Any]]) -> bool:
        """Whether a journal's records change an annotation the way the file does not have
        it (a fold's own journal, left behind, changes nothing)."""
        for record in records:
            operations = record.get("ops") if isinstance(record, dict) else None
            for operation in operations if isinstance(operations, list) else []:
                if well_formed(operation) and operation[0] in (SOURCES, THEMES):
                    # (a codebook change alone: a description written, then a pull, was
                    # neither applied nor set aside)
                    table = self._tables.sources if operation[0] == SOURCES else self._tables.themes
                    entry = table.get(str(operation[1]))
                    had = None if entry is None else msgspec.to_builtins(asdict(entry))
                    if had != operation[2]:
                        return True
                    continue
                if not well_formed(operation) or operation[0] != ANNOTATIONS:
                    continue
                _, key, doc = operation
                held = self._tables.annotations.get(str(key))
                if doc is None:
                    if held is not None:
                        return True
                    continue
                try:
                    wanted = msgspec.convert(doc, Annotation)
                except (msgspec.ValidationError, TypeError):
                    continue  # (applying it says what is wrong with it)
                if held != wanted:
                    return True
        return False

    def _reload(self) -> None:
        """Read the file and journal again and tell listeners what changed."""
        old_annotations, old_articles = self._tables.annotations, self._tables.articles
        ours = (
            self._journal_current
            and self._journal_end > 0
            and self.journal.signature() == self._journal_checked
        )
        try:
            data = self._read()
            self._schema(data)
        except NewerFileError:
            raise  # (a newer Reader's save: nothing damaged, nothing to put back over it)
        except StoreError as error:
            raise DamagedFileError(f"{error}{self._held_copy_kept()}") from None
        self._load_rest(*self._load_head(data, ours))
        self._remember_file(read=True)
        self._hold_session()  # (a file another command made: this app holds it now)
        annotations, records = self._tables.annotations, self._tables.articles
        added = tuple(a for k, a in annotations.items() if old_annotations.get(k) != a)
        removed = tuple(a for k, a in old_annotations.items() if annotations.get(k) != a)
        articles = tuple(r for k, r in records.items() if old_articles.get(k) != r)
        change = Change(added=added, removed=removed, articles=articles)
        if change:
            self._notify(change)

    def write_back_if_missing(self) -> bool:
        """An app's database file gone from under it (a sync client, `git stash`, a `mv`):
        written back whole as the app holds it, at quit (a command had refused, saying the
        app would, and the app quit without a word, every annotation then lost). True if
        it was written."""
        if self._session is None or self.read_only or not self.loaded:
            return False
        if self._folder is not None and _identity(self.path.parent) != self._folder:
            return False  # (a folder moved: nothing to write back where it was)
        with self._lock, self._process_lock():
            if self.path.exists():
                return False
            # (another app's changes since, in the journal: taken in first, as a save does;
            # else written back without them, the journal then removed)
            with collector_paused(freeze=True):
                self._catch_up()
            self._write_file()
        return True

    def keep_held_copy(self) -> str:
        """What `_held_copy_kept` says, the copy kept now whether or not the damage has
        stayed a while (the app quits: its copy would be gone)."""
        with self._lock:
            return self._held_copy_kept(settled=True)

    def _damage_settled(self, signature: tuple[int, int, int] | None) -> bool:
        """Whether a damaged file has stayed as it is: seen so at an earlier look, or last
        written a second ago or more."""
        seen, self._damage_seen = self._damage_seen, signature
        if signature is None:
            return False
        return seen == signature or time.time() - signature[2] / 1e9 >= DAMAGE_SETTLES

    def _held_copy_kept(self, settled: bool = False) -> str:
        """The database as this store holds it, written as a `recovered` backup when the
        file on disk, read again, is damaged: a running Reader had the whole of it, and
        quitting threw it away (its backups, taken before writes, held an older state).
        Once for each damaged file; what to say of it, after the error."""
        if self.backups is None or not self.loaded:
            return ""
        signature = self._disk_signature()
        if self._recovered is not None and self._recovered[0] == signature:
            return self._recovered[1]
        if not settled and not self._damage_settled(signature):
            # (a file being written in place, a `cp` or a sync client at work, reads as
            # damaged until it is whole: kept only when the damage stays)
            return ""
        try:
            kept = self.backups.keep("recovered", self._tables.file_chunks())
        except OSError as error:
            said = f" (and what Reader holds could not be kept: {error.strerror or error})"
        else:
            said = (
                f" (what this Reader holds, {plural(len(self._tables.annotations), 'annotation')}, "
                f"is kept as {kept.name}: `reader restore {kept.name}` puts it back)"
            )
        self._recovered = (signature, said)
        return said

    def refresh(self) -> bool:
        """Pick up another process's changes, if the file or journal changed; True if so."""
        with self._lock:
            if self._depth or not self.loaded or not self._changed_on_disk():
                return False
            with collector_paused(freeze=True):
                self._catch_up()
            return True

    def close(self) -> None:
        """Let go of the database; a store that wrote folds its journal first (best effort:
        what is in the journal is safe either way)."""
        if self._rest is None:  # loading began (a store that never loaded never wrote)
            self._loaded.wait()
        self._let_go_of_view()
        with self._lock:
            if self._rest is not None:  # never loaded: let go of the file kept for it
                _close_spans({ANNOTATIONS: self._rest[0]})
            if self._wrote and not self.read_only:
                with contextlib.suppress(StoreError, OSError):
                    self.fold()
            self._storage.close()
            if self._held is not None:
                self._held.close()
                self._held = None
            if self._session is not None:
                self._session.close()
            if self._viewing is not None:
                self._viewing.close()

    # --- folding ---
    def journal_size(self) -> int:
        """How many bytes of changes wait in the journal to be folded."""
        return self._journal_end if self._journal_current else 0

    def fold(self) -> bool:
        """Write the whole database into `reader.json` and drop the journal; True if there
        was anything to fold."""
        if self.read_only:
            return False
        self.wait_loaded()
        with self._lock, self._process_lock():
            with collector_paused(freeze=True):
                self._catch_up()
            if not self.journal.exists() and self.path.exists():
                self._wrote = False
                return False
            self._write_file()
            self._wrote = False
            return True

    def _write_file(self) -> None:
        """Replace `reader.json` with the tables (next generation), then drop the journal.
        Call with both locks held."""
        meta = self._tables.meta
        before = dict(meta)
        meta["generation"] = self._generation + 1
        meta["reader_version"] = __version__
        meta[FILE_ID] = new_journal_id()  # (this file's own: journals begun on it name it)
        folded = [self._journal_id if self._journal_current else None]
        folded.append(self._adopted_id if self._adopted else None)
        taken = [journal_id for journal_id in folded if journal_id]
        if taken:  # (the journals whose changes this file holds, the last FOLDED_KEPT)
            meta[FOLDED_JOURNALS] = [*_folded_journals(meta), *taken][-FOLDED_KEPT:]
        try:
            self._storage.write_chunks(self._tables.file_chunks())
        except OSError as failure:
            self._tables.meta = before
            raise StoreError(_not_saved(self.path, failure)) from failure
        self._keep_unfolded_journal()
        self.journal.remove()
        self._hold_session()  # (a new library's first fold made the file)
        self._adopted, self._adopted_id = [], None  # (in the file now)
        self._journal_checked, self._journal_end, self._journal_current = None, 0, False
        self._journal_id = None
        self._remember_file()

    # --- transactions ---
    def ensure_writable(self) -> None:
        """`StoreError` (one line) when the database may not be changed: callers that do
        other work first (an import copies articles) ask before doing it."""
        if self.read_only:
            raise StoreError(
                f"{self.path}: read-only, so Reader shows and searches it but changes "
                "nothing; make the file writable to tag"
            )

    def _process_lock(self) -> contextlib.AbstractContextManager[None]:
        if self._folder is not None and _identity(self.path.parent) != self._folder:
            # (the lock, the journal and the file would each make the folder again: a
            # library moved while open got a second one at its old place, which took every
            # change after the move, and the library where it is now never had them; a
            # folder made anew there, or a share's empty mount point, is not it either)
            raise StoreError(
                f"{self.path.parent}: the folder was moved or removed while Reader had it "
                "open, so nothing more is saved there: quit, and open the library where it "
                "is now"
            )
        return locked(self.path, self._file_lock)

    @contextlib.contextmanager
    def _transaction(self, edit: bool = True) -> Iterator[None]:
        """Changes inside the block are saved together, on top of the latest state on disk.

        A read-only database takes the library's bookkeeping (articles found in the folder)
        in memory only, and refuses edits (`edit`) before anything changes.
        """
        self.wait_loaded()
        with self._lock:
            if edit:
                self.ensure_writable()
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            if self.read_only:
                self._depth = 1
                try:
                    yield
                finally:
                    self._depth = 0
                    self._pending = []
                return
            with self._process_lock():
                self._clean_temp_files()
                with collector_paused(freeze=True):
                    self._catch_up()
                self._depth = 1
                self._pending = []
                try:
                    yield
                    if self._pending:
                        self._commit()
                        self.saves += 1
                except OSError as failure:
                    self._recover()
                    raise StoreError(_not_saved(self.path, failure)) from failure
                except BaseException:
                    self._recover()
                    raise
                finally:
                    self._depth = 0
                    self._pending = []

    def _commit(self) -> None:
        """Save the pending operations: one journal line, or the first file of a database."""
        if not self.path.exists():
            self._write_file()  # a new database: its first change makes the file
            return
        if not self._journal_current:  # a new journal (replacing one already folded)
            self._keep_unfolded_journal()
            self._journal_id = new_journal_id()
            self._journal_end = self.journal.start(
                self._generation, self._journal_id, _file_id(self._tables.meta)
            )
            self._journal_current = True
            if self._adopted:  # the changes of the journal it replaces that the file lacks
                operations = [op for record in self._adopted for op in record.get("ops", [])]
                self._journal_end = self.journal.append({"ops": operations}, self._journal_end)
                self._adopted = []
        try:
            self._journal_end = self.journal.append({"ops": self._pending}, self._journal_end)
        except LineTooLarge:
            self._write_file()  # an import of a million annotations: the whole file at once
            return
        self._journal_checked = self.journal.signature()
        self._wrote = True
        self._hold_session()  # (a file another command made: this app holds it now)

    def _keep_unfolded_journal(self) -> None:
        """Before a journal this store does not continue is replaced or removed: if it holds
        changes the file lacks that were not taken in (`_adopted`), it is copied into the
        backups folder, for the user (never replayed over a newer file, never dropped)."""
        if self._journal_current or self._adopted or self.read_only or not self.journal.exists():
            return
        with contextlib.suppress(StoreError, OSError):
            reading = self._read_journal(0)
            if reading.records and self._unsaved(reading.records):
                size = self.journal.path.stat().st_size
                self.journal.set_aside(self.path.parent / BACKUPS_FOLDER, size, "unfolded")

    def _recover(self) -> None:
        """After a failed transaction: the memory model goes back to what the disk holds."""
        with contextlib.suppress(StoreError), collector_paused(freeze=True):
            if self.path.exists():
                self._reload()
            else:
                self._start_empty()

    def _clean_temp_files(self) -> None:
        """Remove temporary files a crashed writer left (none can be in use: we hold the lock)."""
        if self._cleaned:
            return
        self._cleaned = True
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        # A backup's copy cut short (a kill while it was taken: 11 MB left at 50,000
        # annotations). Backups are taken outside the lock, so only copies older than any
        # backup takes to write are removed.
        backups = self.path.parent / BACKUPS_FOLDER
        if backups.is_dir() and not backups.is_symlink():
            for stale in backups.glob(f".{self.path.name}.*.tmp"):
                with contextlib.suppress(OSError):
                    if time.time() - stale.lstat().st_mtime > STALE_BACKUP_SECONDS:
                        stale.unlink()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Make the changes inside the block one save at its end (bulk work).

        The memory model runs ahead of the disk inside the block; if the save fails, it is
        read again from disk, which still holds the state from before the block.
        """
        with self._transaction(edit=False):
            yield

    def _put(self, table: str, key: Any, doc: Any) -> None:
        """Record one change of the running transaction for the journal."""
        self._pending.append([table, key, doc])

    # --- listeners ---
    def subscribe(self, listener: Listener) -> None:
        """Call `listener` with every `Change`, ours or another process's."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def _notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # --- articles ---
    def articles(self) -> tuple[ArticleRecord, ...]:
        return self._articles_snapshot

    def article(self, article_id: int) -> ArticleRecord | None:
        return self._tables.articles.get(article_id)

    def article_by_path(self, path: str) -> ArticleRecord | None:
        for record in self._articles_snapshot:
            if record.path == path:
                return record
        return None

    def add_article(self, **fields: Any) -> ArticleRecord:
        """Register a new article; its id is the next never-used one."""
        return self.add_articles([fields])[0]

    def add_articles(self, many: list[dict[str, Any]]) -> list[ArticleRecord]:
        """Register new articles (each a dict of `ArticleRecord` fields) at once, with the
        next never-used ids: one sorted list and one notice for all of them (5,000 files
        dropped into a library took one of each per file: time growing with their square)."""
        if not many:
            return []
        with self._lock, self._transaction(edit=False):
            articles = self._tables.articles
            try:
                number = checked_article_id(self._tables.meta.get("next_article_id", 1))
            except ValueError:  # (a hand-edited 10**30: the ids in use decide)
                number = 1
            number = max(number, max(articles, default=0) + 1)
            records = []
            for given in many:
                fields = dict(given)
                added = fields.pop("added", None) or now()
                record = ArticleRecord(id=number, added=added, **fields)
                articles[number] = record
                self._put(ARTICLES, number, asdict(record))
                records.append(record)
                number += 1
            self._set_meta(next_article_id=number)
            self._rebuild_articles()
        self._notify(Change(articles=tuple(records)))
        return records

    def update_article(self, record: ArticleRecord) -> None:
        articles = self._tables.articles
        with self._lock:
            if articles.get(record.id) == record or record.id not in articles:
                return  # nothing changed: nothing is written
        with self._lock, self._transaction(edit=False):
            articles = self._tables.articles
            if articles.get(record.id) == record or record.id not in articles:
                return
            articles[record.id] = record
            self._put(ARTICLES, record.id, asdict(record))
            self._rebuild_articles()
        self._notify(Change(articles=(record,)))

    def set_reading_state(
        self,
        article_ids: Iterable[int],
        *,
        read: bool | None = None,
        archived: bool | None = None,
        feed: str | None = None,
    ) -> list[ArticleRecord]:
        """Mark articles read or unread, archived or not, or from a `feed`, in one save;
        only those fields change (a scan or another Reader's edit of the same record since
        it was shown is kept). The records that changed."""
        changes: dict[str, Any] = {}
        if read is not None:
            changes["read"] = read
        if archived is not None:
            changes["archived"] = archived
        if feed is not None:
            changes["feed"] = feed
        changed: list[ArticleRecord] = []
        with self._lock, self._transaction(edit=False):
            articles = self._tables.articles
            for article_id in dict.fromkeys(article_ids):
                record = articles.get(article_id)
                if record is None:
                    continue
                after = replace(record, **changes)
                if after != record:
                    articles[article_id] = after
                    self._put(ARTICLES, article_id, asdict(after))
                    changed.append(after)
            if changed:
                self._rebuild_articles()
        if changed:
            self._notify(Change(articles=tuple(changed)))
        return changed

    def remove_article(self, article_id: int, then: Callable[[], None] | None = None) -> bool:
        """Drop an article's record if no annotation belongs to it (checked inside the
        save, on top of what other Readers wrote), running `then` (removing its file) in the
        same locked save; False, and nothing done, when it has annotations. Its id is never
        given again."""
        with self._lock, self._transaction(edit=False):
            record = self._tables.articles.get(article_id)
            if record is None or self._by_article.get(article_id):
                return False
            if any(a.article_id == article_id for a in self._tables.annotations.values()):
                return False
            del self._tables.articles[article_id]
            self._put(ARTICLES, article_id, None)
            self._rebuild_articles()
            if then is not None:
                then()
        self._notify(Change(articles=(replace(record, missing=True),)))
        return True

    def _rebuild_articles(self) -> None:
        self._articles_snapshot = tuple(sorted(self._tables.articles.values(), key=lambda a: a.id))

    def _set_meta(self, **values: Any) -> None:
        self._tables.meta.update(values, reader_version=__version__)
        self._put(META, 1, dict(self._tables.meta))

    # --- annotations ---
    def annotations(self) -> list[Annotation]:
        """Every annotation, in no particular order (waits for them, see `lazy`)."""
        self.wait_loaded()
        with self._lock:
            return list(self._tables.annotations.values())

    def annotations_as_read(self) -> tuple[list[Annotation], tuple[int, int] | None]:
        """Every annotation, and with them (taken together, under the lock) the CRC-32 and
        length of the file's annotations table when they are exactly what it holds: read
        from it with no journal change applied, and none made since; else None."""
        self.wait_loaded()
        with self._lock:
            return list(self._tables.annotations.values()), self._as_read

    def annotation(self, annotation_id: str) -> Annotation | None:
        return self._tables.annotations.get(annotation_id)

    def annotations_for(self, article_id: int) -> tuple[Annotation, ...]:
        """The annotations of one article, in text order."""
        if article_id in self._unsorted:
            with self._lock:
                return self._in_order(self._by_article, article_id)
        return self._by_article.get(article_id, ())

    def _in_order(
        self, by_article: dict[int, tuple[Annotation, ...]], article_id: int
    ) -> tuple[Annotation, ...]:
        """An article's annotations from `by_article`, sorted there first if they are not
        yet (under the lock: a reader without it sees the old tuple or the new, both whole)."""
        items = by_article.get(article_id, ())
        if article_id in self._unsorted:
            items = tuple(sorted(items, key=_position))
            by_article[article_id] = items
            if by_article is self._by_article:
                self._unsorted.discard(article_id)
        return items

    def annotation_count(self, article_id: int) -> int:
        return len(self._by_article.get(article_id, ()))

    def orphans(self) -> list[Annotation]:
        """Annotations whose passage was lost when their article's text changed."""
        return sorted(
            (a for a in self.annotations() if a.orphaned), key=lambda a: (a.article_id, a.start)
        )

    def __len__(self) -> int:
        return len(self._tables.annotations)

    def save_annotation(self, annotation: Annotation) -> Annotation:
        """Insert or replace an annotation; source and theme names take their codebook spelling.

        Returns the annotation as saved.
        """
        return self.save_annotations([annotation])[0]

    def save_annotations(self, annotations: Iterable[Annotation]) -> list[Annotation]:
        """Insert or replace several annotations in one save; returns them as saved."""
        with self._lock, self._transaction():
            table = self._tables.annotations
            self._as_read = None
            saved = []
            # The codebook grows in copies, published once the batch is whole (readers on
            # other threads hold the tables they took); one copy and one set of the quick
            # keys taken per batch: per annotation, an import of 10,000 annotations with new
            # themes had taken 10 s, and 100,000 over a quarter of an hour.
            codebook = _Codebook(self._tables.sources, self._tables.themes, self._put)
            for annotation in annotations:
                if annotation.article_id not in self._tables.articles:
                    raise StoreError(f"{self.path}: no article with id {annotation.article_id}")
                try:  # what is written must load again: the very check loading applies
                    saved.append(checked(codebook.canonical(annotation)))
                except RecordError as error:
                    raise StoreError(f"{self.path}: not saved: {error}") from None
                # A name new to the codebook gets its spelling from its first use, also
                # for the annotations later in this same batch ("Doug King", "doug king").
                codebook.add(saved[-1])
            self._tables.sources, self._tables.themes = codebook.sources, codebook.themes
            olds = [table.get(a.id) for a in saved]
            deleted = self._tables.deleted
            for annotation in saved:
                table[annotation.id] = annotation
                self._put(ANNOTATIONS, annotation.id, annotation)
                if deleted.pop(annotation.id, None) is not None:  # (undone, or saved again)
                    self._put(DELETED, annotation.id, None)
            removed = tuple(old for old in olds if old is not None)
            self._index_change(saved, removed)
        self._notify(Change(added=tuple(saved), removed=removed))
        return saved

    def deleted_at(self, annotation_id: str) -> str | None:
        """When the annotation of this id was deleted (UTC, ISO 8601), if it was and has
        not been saved again since."""
        with self._lock:
            return self._tables.deleted.get(annotation_id)

    def delete_annotation(self, annotation_id: str) -> Annotation | None:
        """Delete an annotation; returns it (for undo), or None if there was none."""
        deleted = self.delete_annotations([annotation_id])
        return deleted[0] if deleted else None

    def delete_annotations(self, annotation_ids: Iterable[str]) -> list[Annotation]:
        """Delete several annotations in one save; returns those that existed."""
        with self._lock, self._transaction():
            table = self._tables.annotations
            self._as_read = None
            olds = [table[i] for i in dict.fromkeys(annotation_ids) if i in table]
            if not olds:
                return []
            stamp = now()
            for old in olds:
                del table[old.id]
                self._put(ANNOTATIONS, old.id, None)
                self._tables.deleted[old.id] = stamp  # (an import does not bring it back)
                self._put(DELETED, old.id, deletion_doc(old.id, stamp))
            self._index_change((), olds)
        self._notify(Change(removed=tuple(olds)))
        return olds

    def take_deletions(self, deletions: dict[str, str]) -> list[Annotation]:
        """Another copy's deletions taken in (`reader import` of a teammate's reader.json),
        in one save: the annotation of each id, if there is one, is deleted, and each id is
        recorded as deleted at the time given (the later where this file has one already),
        so that an older version coming in later stays deleted. The caller chooses the ids
        (`core.merge_rule.stays_deleted`); returns the annotations deleted."""
        if not deletions:
            return []
        with self._lock, self._transaction():
            table, deleted = self._tables.annotations, self._tables.deleted
            self._as_read = None
            olds = [table[i] for i in deletions if i in table]
            for old in olds:
                del table[old.id]
                self._put(ANNOTATIONS, old.id, None)
            for key, at in deletions.items():
                if key in deleted and not newer(at, deleted[key]):
                    continue  # (deleted here too, as late or later)
                deleted[key] = at
                self._put(DELETED, key, deletion_doc(key, at))
            if olds:
                self._index_change((), olds)
        if olds:
            self._notify(Change(removed=tuple(olds)))
        return olds

    def _index_change(self, added: Iterable[Annotation], removed: Iterable[Annotation]) -> None:
        """Refresh the per-article tuples and usage counts after annotations changed (in
        time proportional to the change, not to the article's annotations: bisection)."""
        added, removed = list(added), list(removed)
        by_article = dict(self._by_article)
        changes: dict[int, tuple[list[Annotation], list[Annotation]]] = {}
        for old in removed:
            changes.setdefault(old.article_id, ([], []))[0].append(old)
        for new in added:
            changes.setdefault(new.article_id, ([], []))[1].append(new)
        for article_id, (gone, put) in changes.items():
            items = list(self._in_order(by_article, article_id))
            if len(gone) + len(put) > len(items) // 4 + 8:  # many: sorting once is cheaper
                gone_ids = {old.id for old in gone}
                items = sorted([a for a in items if a.id not in gone_ids] + put, key=_position)
            else:
                for old in gone:
                    _remove_sorted(items, old)
                for new in put:
                    insort(items, new, key=_position)
            by_article[article_id] = tuple(items)
        usage = Counter(self._theme_usage)
        source_usage = Counter(self._source_usage)
        for old in removed:
            usage.subtract(name_key(t) for t in old.themes)
            if old.source:
                source_usage[name_key(old.source)] -= 1
        for new in added:
            usage.update(name_key(t) for t in new.themes)
            if new.source:
                source_usage[name_key(new.source)] += 1
        for counts, gone in ((usage, removed), (source_usage, removed)):
            for old in gone:
                for key in (*map(name_key, old.themes), name_key(old.source or "")):
                    if counts.get(key, 1) <= 0:
                        del counts[key]
        self._by_article = by_article
        self._unsorted -= changes.keys()  # (after: put in order in `by_article` above)
        self._theme_usage = usage
        self._source_usage = source_usage

    # --- codebook ---
    def describe_source(self, name: str, description: str) -> bool:
        """Give a codebook source its description, if it has none yet; True if it changed."""
        description = clean_line(description)
        with self._lock, self._transaction():
            key = name_key(name)
            source = self._tables.sources.get(key)
            if source is None or source.description or not description:
                return False
            described = Source(source.name, description)
            self._tables.sources = {**self._tables.sources, key: described}
            self._put(SOURCES, key, asdict(described))
        return True

    def update_source(
        self, name: str, *, description: str | None = None, new_name: str | None = None
    ) -> None:
        """Change a codebook source's description, or its name (the entry follows a rename;
        into a name that exists, the existing entry stays and takes the description if it
        has none). Annotations are not touched: rename them with edits (undoable)."""
        with self._lock, self._transaction():
            key = name_key(name)
            source = self._tables.sources.get(key)
            if source is None:
                return
            sources = dict(self._tables.sources)
            if description is not None:
                source = Source(source.name, clean_line(description))
            if new_name is not None and clean_name(new_name):
                target = name_key(new_name)
                if target != key and target in sources:
                    kept = sources[target]
                    if not kept.description and source.description:
                        sources[target] = Source(kept.name, source.description)
                        self._put(SOURCES, target, asdict(sources[target]))
                    del sources[key]
                    self._put(SOURCES, key, None)
                    self._tables.sources = sources
                    return
                source = Source(clean_name(new_name), source.description)
                del sources[key]
                self._put(SOURCES, key, None)
                key = target
            sources[key] = source
            self._put(SOURCES, key, asdict(source))
            self._tables.sources = sources

    def update_theme(
        self,
        name: str,
        *,
        colour: str | None = None,
        description: str | None = None,
        new_name: str | None = None,
    ) -> None:
        """Change a codebook theme's colour, description or name (see `update_source`)."""
        with self._lock, self._transaction():
            key = name_key(name)
            theme = self._tables.themes.get(key)
            if theme is None:
                return
            themes = dict(self._tables.themes)
            if colour is not None:
                theme = replace(theme, colour=colour)
            if description is not None:
                theme = replace(theme, description=clean_line(description))
            if new_name is not None and clean_name(new_name):
                target = name_key(new_name)
                if target != key and target in themes:
                    kept = themes[target]
                    merged = Theme(
                        kept.name,
                        kept.colour or theme.colour,
                        kept.description or theme.description,
                        kept.key or theme.key,
                    )
                    themes[target] = merged
                    self._put(THEMES, target, asdict(merged))
                    del themes[key]
                    self._put(THEMES, key, None)
                    self._tables.themes = themes
                    return
                theme = replace(theme, name=clean_name(new_name))
                del themes[key]
                self._put(THEMES, key, None)
                key = target
            themes[key] = theme
            self._put(THEMES, key, asdict(theme))
            self._tables.themes = themes

    def remove_from_codebook(self, kind: str, name: str) -> None:
        """Drop a source or theme (and a theme's children) no annotation uses any more."""
        with self._lock, self._transaction():
            key = name_key(name)
            if kind == "source":
                if key in self._tables.sources and not self._source_usage.get(key):
                    self._tables.sources = {
                        k: v for k, v in self._tables.sources.items() if k != key
                    }
                    self._put(SOURCES, key, None)
                return
            doomed = [
                k
                for k in self._tables.themes
                if (k == key or k.startswith(key + "/")) and not self._theme_usage.get(k)
            ]
            if doomed:
                self._tables.themes = {
                    k: v for k, v in self._tables.themes.items() if k not in doomed
                }
                for k in doomed:
                    self._put(THEMES, k, None)

    def codebook_entries(self) -> dict[tuple[str, str], Source | Theme]:
        """Every codebook entry by (kind, key): a snapshot (the entries never change in
        place), for undoing what a command did to the codebook."""
        with self._lock:
            return {
                **{("source", key): entry for key, entry in self._tables.sources.items()},
                **{("theme", key): entry for key, entry in self._tables.themes.items()},
            }

    def set_codebook_entries(self, entries: dict[tuple[str, str], Source | Theme | None]) -> None:
        """Put these codebook entries back as they were (None: no such entry)."""
        with self._lock, self._transaction():
            sources, themes = dict(self._tables.sources), dict(self._tables.themes)
            for (kind, key), entry in entries.items():
                table, name = (sources, SOURCES) if kind == "source" else (themes, THEMES)
                if entry is None:
                    if table.pop(key, None) is not None:
                        self._put(name, key, None)
                else:
                    table[key] = entry  # type: ignore[assignment]
                    self._put(name, key, asdict(entry))
            self._tables.sources, self._tables.themes = sources, themes

    def add_to_codebook(self, kind: str, name: str) -> str | None:
        """A source or theme put in the codebook before any annotation uses it (a theme on
        the next free quick key), as a study sets up its codebook first; the name as stored,
        or None when it is empty or the codebook has it already. An undone tag never takes
        it out again: the history takes out only what a step brought."""
        name = unicodedata.normalize("NFC", clean_name(name))  # (one spelling of "José")
        if not name:
            return None
        with self._lock, self._transaction():
            key = name_key(name)
            if kind == "source":
                if key in self._tables.sources:
                    return None
                source = Source(name)
                self._tables.sources = {**self._tables.sources, key: source}
                self._put(SOURCES, key, asdict(source))
                return name
            if key in self._tables.themes:
                return None
            taken = {theme.key for theme in self._tables.themes.values()}
            theme = Theme(name, key=_free_key(taken))
            self._tables.themes = {**self._tables.themes, key: theme}
            self._put(THEMES, key, asdict(theme))
            return name

    def forget_unused(
        self, sources: Iterable[str], themes: Iterable[str], *, described_too: bool = False
    ) -> None:
        """Drop these names from the codebook if no annotation uses them any more and the
        user gave them nothing of their own (a description, a colour): what an undone tag
        created leaves no trace in the suggestions. `described_too`: a source's description
        is no reason to keep it (the tag being undone made it, and filled its description
        in from the article's words)."""
        with self._lock, self._transaction():
            for name in sources:
                key = name_key(name)
                source = self._tables.sources.get(key)
                if source is not None and (described_too or not source.description):
                    self.remove_from_codebook("source", name)
            for name in themes:
                key = name_key(name)
                theme = self._tables.themes.get(key)
                bare = theme is not None and not theme.colour and not theme.description
                if bare and not any(k.startswith(key + "/") for k in self._tables.themes):
                    self.remove_from_codebook("theme", name)

    def sources(self) -> list[Source]:
        return sorted(self._tables.sources.values(), key=lambda s: s.name.casefold())

    def themes(self) -> list[Theme]:
        return sorted(self._tables.themes.values(), key=lambda t: t.name.casefold())

    def theme(self, name: str) -> Theme | None:
        return self._tables.themes.get(name_key(name))

    def in_codebook(self, kind: str, key: str) -> bool:
        """Whether the codebook has a source (`kind` "source") or theme of this name key."""
        return key in (self._tables.sources if kind == "source" else self._tables.themes)

    def quick_themes(self) -> dict[int, str]:
        """The themes on the number keys: key (1-9) -> theme name."""
        return {t.key: t.name for t in self._tables.themes.values() if t.key}

    def set_theme_key(self, name: str, key: int) -> None:
        """Put a theme on a quick key (1-9; the theme that had it loses it), or take it off
        (0)."""
        if key and key not in QUICK_KEYS:
            raise StoreError(f"{key}: quick keys are 1 to 9")
        with self._lock, self._transaction():
            target = name_key(name)
            if target not in self._tables.themes:
                return
            themes = dict(self._tables.themes)
            for theme_key, theme in self._tables.themes.items():
                wanted = (
                    key if theme_key == target else (0 if key and theme.key == key else theme.key)
                )
                if wanted != theme.key:
                    themes[theme_key] = replace(theme, key=wanted)
                    self._put(THEMES, theme_key, asdict(themes[theme_key]))
            self._tables.themes = themes

    def last_tag(self) -> tuple[str | None, tuple[str, ...]] | None:
        """The source and themes of the last tag made (what `.` repeats), kept across runs."""
        value = self._tables.meta.get("last_tag")
        if not isinstance(value, dict):
            return None
        source = value.get("source")
        themes = value.get("themes")
        return (
            source if isinstance(source, str) else None,
            tuple(t for t in themes if isinstance(t, str)) if isinstance(themes, list) else (),
        )

    def remember_tag(self, source: str | None, themes: Iterable[str]) -> None:
        """Keep `source` and `themes` as the last tag (in the caller's batch, if any), and
        its themes, if it has some, as the last themes used (`last_themes`)."""
        value = {"source": source, "themes": list(themes)}
        chosen = {"last_themes": value["themes"]} if value["themes"] else {}
        meta = self._tables.meta
        if meta.get("last_tag") == value and all(meta.get(k) == v for k, v in chosen.items()):
            return
        with self._lock, self._transaction():
            self._set_meta(last_tag=value, **chosen)

    def recent_tags(self) -> tuple[object, object]:
        """What `.` and `a` with `T` repeat, as kept (the last tag, the last themes)."""
        meta = self._tables.meta
        return meta.get("last_tag"), meta.get("last_themes")

    def set_recent_tags(self, recent: tuple[object, object]) -> None:
        """Put back what `recent_tags` gave (a codebook step undone or redone)."""
        last_tag, last_themes = recent
        if self.recent_tags() != (last_tag, last_themes):
            with self._lock, self._transaction():
                self._set_meta(last_tag=last_tag, last_themes=last_themes)

    def remember_themes(self, themes: Iterable[str]) -> None:
        """Keep `themes` as the last themes used (a rename's new names)."""
        value = list(themes)
        if value and self._tables.meta.get("last_themes") != value:
            with self._lock, self._transaction():
                self._set_meta(last_themes=value)

    def last_themes(self) -> tuple[str, ...]:
        """The themes of the last tag that had some: what `a` applies with `T` on (a tag
        with none, `a` on the next quote, had made it apply none)."""
        value = self._tables.meta.get("last_themes")
        if isinstance(value, list):
            return tuple(t for t in value if isinstance(t, str))
        last = self.last_tag()
        return last[1] if last else ()

    def forget_last_tag(self) -> None:
        """Nothing for `.` to repeat (the tag it would have repeated was undone)."""
        if self._tables.meta.get("last_tag") is None:
            return
        with self._lock, self._transaction():
            self._set_meta(last_tag=None)

    def most_used_themes(self, limit: int = 9) -> list[str]:
        """Theme names by number of annotations, most used first (ties by name)."""
        usage = self._theme_usage
        themes = self._tables.themes
        ranked = sorted(usage.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [themes[key].name for key, _ in ranked if key in themes]

    def source_usage(self) -> dict[str, int]:
        """Source name -> number of annotations quoting it."""
        sources = self._tables.sources
        return {sources[k].name: n for k, n in self._source_usage.items() if k in sources}

    def theme_usage(self) -> dict[str, int]:
        """Theme name -> number of annotations carrying it."""
        themes = self._tables.themes
        return {themes[k].name: n for k, n in self._theme_usage.items() if k in themes}


def _close_spans(data: dict[str, Any]) -> None:
    """Let go of the files kept open for tables of `data` not decoded."""
    for table in data.values():
        if isinstance(table, TableSpan):
            table.close()


def _checksum(raw: RawTable) -> tuple[int, int] | None:
    """(CRC-32, length) of the annotations table's bytes as decoded (None: not known)."""
    if isinstance(raw, TableSpan):
        return raw.checksum
    return zlib.crc32(raw), len(raw)


def on_disk(db: Path) -> dict[str, Any]:
    """The database as saved: `reader.json` as plain JSON with its journal replayed (for
    tools and tests that read the file; the store itself reads it typed)."""
    data = msgspec.json.decode(read_database_bytes(db))
    reading = Journal(db).read(0)
    if reading.generation == schema_of_generation(data):
        replayed(data, reading.records)
    return data


def schema_of_generation(data: dict[str, Any]) -> int:
    """The generation recorded in decoded file data (0 when there is none)."""
    with contextlib.suppress(AttributeError, KeyError, StopIteration, TypeError):
        value = next(iter(data["meta"].values())).get("generation", 0)
        return value if type(value) is int else 0
    return 0


_position: Callable[[Annotation], tuple[int, int]] = attrgetter("start", "end")  # C: fast sorts


def _remove_sorted(items: list[Annotation], old: Annotation) -> None:
    """Remove the annotation with `old`'s id from `items` (sorted by position)."""
    at = bisect_left(items, _position(old), key=_position)
    while at < len(items) and _position(items[at]) == _position(old):
        if items[at].id == old.id:
            del items[at]
            return
        at += 1
    for index, item in enumerate(items):  # its position had changed: look everywhere
        if item.id == old.id:
            del items[index]
            return


def _real_path(path: Path) -> Path:
    """The database file itself: a link is followed (the file it points to is written, with
    its lock and backups beside it); a link to nothing is refused, so that Reader never
    creates a database where a link points."""
    if path.is_symlink():
        if not path.exists():
            raise StoreError(
                f"{path}: a link to {os.readlink(path)}, which does not exist; remove the "
                "link or point it at a Reader database"
            )
        return path.resolve()
    return path


def _is_read_only(path: Path) -> bool:
    """True when the database may not be changed: the file is marked read-only (no write
    permission bit, whoever we are), or the folder cannot take a new file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return not os.access(path.parent, os.W_OK)
    except OSError:
        return False
    return not stat.S_IMODE(mode) & 0o222 or not os.access(path.parent, os.W_OK)


class _Codebook:
    """The sources and themes of one save of annotations, as it adds the names they bring:
    copies of the database's tables, and the quick keys taken so far."""

    def __init__(
        self,
        sources: dict[str, Source],
        themes: dict[str, Theme],
        put: Callable[[str, str, Any], None],
    ) -> None:
        self.sources, self.themes = dict(sources), dict(themes)
        self._put = put
        self._taken: set[int] | None = None  # (worked out at the first new theme)

    def canonical(self, annotation: Annotation) -> Annotation:
        """The annotation with its source and themes in the codebook's spelling."""
        source = annotation.source
        if source:
            known = self.sources.get(name_key(source))
            source = known.name if known else clean_name(source)
        themes = self.themes
        names = tuple(
            (themes[name_key(t)].name if name_key(t) in themes else t)
            for t in unique_names(annotation.themes)
        )
        if source == annotation.source and names == annotation.themes:
            return annotation
        return msgspec.structs.replace(annotation, source=source or None, themes=names)

    def add(self, annotation: Annotation) -> None:
        """Add the source and themes the annotation uses that the codebook lacks."""
        if annotation.source and name_key(annotation.source) not in self.sources:
            source = Source(annotation.source)
            key = name_key(source.name)
            self.sources[key] = source
            self._put(SOURCES, key, entry_document(source))
        for name in annotation.themes:
            key = name_key(name)
            if key in self.themes:
                continue
            if self._taken is None:
                self._taken = {theme.key for theme in self.themes.values()}
            theme = Theme(name, key=_free_key(self._taken))
            self._taken.add(theme.key)
            self.themes[key] = theme
            self._put(THEMES, key, entry_document(theme))


def _free_key(taken: set[int]) -> int:
    """The lowest quick key not in `taken`, or 0 when all nine are taken."""
    return next((key for key in QUICK_KEYS if key not in taken), 0)


def _article_key(key: object) -> int | None:
    """A journal operation's article key as an id, None when it is not one."""
    try:
        return checked_article_id(key)
    except ValueError:
        return None


def _not_saved(path: Path, failure: OSError) -> str:
    """The one line for a save that failed, with what to do: a pipe, device or link put in
    the place of a file Reader writes beside the database is named, to be removed (a pipe at
    the journal had been "free some space or check permissions")."""
    said = f"{path}: could not save ({failure.strerror or failure}); the file on disk is unchanged"
    where = Path(failure.filename) if isinstance(failure.filename, str) else None
    if where is not None:
        try:
            odd = not stat.S_ISREG(os.lstat(where).st_mode)
        except OSError:
            odd = False
        if odd:
            return f"{said}: {where} is not a regular file (a pipe, a device or a link); remove it"
    return f"{said}: free some space or check permissions"
