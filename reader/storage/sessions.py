"""Whether a Reader app holds a database open: a shared OS lock on `.reader.json.open`.

The app takes the lock for its whole session (the system lets it go with the process,
however that ends); a command that finds the database file missing asks whether any app
holds it. One does: that app keeps the whole database in memory and writes it back at its
next save, so the command must not begin a new, empty database there, which the app would
then take in (a sync client, `git stash` or a `mv` had the file away for a moment while
`reader add` ran: every annotation was gone). None does: the file was deleted on purpose,
and a new database begins.

POSIX only (`fcntl`); elsewhere no app is ever seen, and a missing file begins anew.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a pipe in the file's place: opened, never waited on


def _regular(descriptor: int) -> bool:
    """Whether `descriptor` is a regular file's; closed when it is not."""
    if stat.S_ISREG(os.fstat(descriptor).st_mode):
        return True
    os.close(descriptor)
    return False


def session_path(db: Path) -> Path:
    """The file whose shared lock says an app holds `db` open."""
    return db.with_name(f".{db.name}.open")


class Session:
    """The shared lock an app holds on its database for as long as it runs."""

    def __init__(self, db: Path) -> None:
        self._descriptor: int | None = None
        if fcntl is None:
            return
        flags = os.O_RDWR | os.O_CREAT | _NOFOLLOW | _NONBLOCK
        try:
            descriptor = os.open(session_path(db), flags, 0o644)
        except OSError:
            return  # (a read-only folder, a link in the way: no app is seen, nothing else)
        if not _regular(descriptor):
            return  # (a pipe or a device put there: no lock taken through it)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            os.close(descriptor)
            return
        self._descriptor = descriptor

    def close(self) -> None:
        if self._descriptor is not None:
            with contextlib.suppress(OSError):
                os.close(self._descriptor)  # (the lock goes with it)
            self._descriptor = None


def app_holds(db: Path) -> bool:
    """Whether a running app holds `db` open (its session's shared lock is taken)."""
    if fcntl is None:
        return False
    try:
        descriptor = os.open(session_path(db), os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return False
    if not _regular(descriptor):
        return False  # a pipe put there (opened without waiting, as every command had hung)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(descriptor)  # (and with it the lock this look took)
    return False


def viewing_path(db: Path) -> Path:
    """The file whose byte locks say which articles Reader apps have on screen."""
    return db.with_name(f".{db.name}.viewing")


class Viewing:
    """Which articles of a database Reader apps have on screen.

    An app holds a shared record lock (POSIX, `lockf`) on the byte of `.reader.json.viewing`
    at its open article's id, which the system lets go with the process. A feed's `--keep`
    asks before it removes an unread article: the article the app reopened by itself at
    start, unread, was removed under the user by a refresh in a shell, and the tag typed
    on it was thrown away. One descriptor is kept open for the object's life: closing any
    descriptor of the file would let go of every record lock this process holds on it.

    Where it cannot tell (the file cannot be opened: another user's, in a shared library),
    every article counts as on screen, and nothing is removed. The file is made with the
    umask's permissions, as the database is (0644 had kept a teammate's refresh from
    opening it, and it then removed what that teammate's app showed). The app checks every
    few seconds (`keep_up`) that the file is still the one it holds (deleted, by `git clean`
    say, its lock was on a file no one else could see).
    """

    def __init__(self, db: Path) -> None:
        self._path = viewing_path(db)
        self._descriptor: int | None = None
        self._shown: int | None = None
        self._open()

    def _open(self) -> None:
        if fcntl is None:
            return
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        with contextlib.suppress(OSError):  # (not to be had: see `on_screen`)
            self._descriptor = os.open(self._path, flags, 0o666)

    def show(self, article_id: int | None) -> None:
        """This app now has `article_id` on screen (None: no article)."""
        if article_id == self._shown:
            return
        with contextlib.suppress(OSError, OverflowError):
            if self._shown is not None and self._descriptor is not None:
                fcntl.lockf(self._descriptor, fcntl.LOCK_UN, 1, self._shown)
        self._shown = article_id
        self._lock_shown()

    def _lock_shown(self) -> None:
        if self._descriptor is None or self._shown is None or self._shown < 0:
            return
        for _ in range(50):  # (a look by a refresh holds the byte a moment: wait it out)
            try:
                fcntl.lockf(self._descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB, 1, self._shown)
                return
            except BlockingIOError:
                time.sleep(0.001)
            except (OSError, OverflowError):
                return

    def keep_up(self) -> None:
        """Hold the lock on the file now at the path, if it was deleted or replaced."""
        if fcntl is None or self._shown is None:
            return
        try:
            here = os.stat(self._path, follow_symlinks=False)
            held = os.fstat(self._descriptor) if self._descriptor is not None else None
        except OSError:
            here, held = None, None
        if here is not None and held is not None and os.path.samestat(here, held):
            return
        self.close_file()
        self._open()
        self._lock_shown()

    def on_screen(self, article_id: int) -> bool:
        """Whether this app or another has `article_id` on screen (True when that cannot
        be known: see the class)."""
        if article_id == self._shown:
            return True
        if fcntl is None:
            return False  # (no record locks here: no app is ever seen, as for sessions)
        if self._descriptor is None:
            return True
        try:
            fcntl.lockf(self._descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, article_id)
        except BlockingIOError:
            return True  # another process holds it
        except (OSError, OverflowError):
            return True  # not to be known
        with contextlib.suppress(OSError):
            fcntl.lockf(self._descriptor, fcntl.LOCK_UN, 1, article_id)
        return False

    def close_file(self) -> None:
        if self._descriptor is not None:
            with contextlib.suppress(OSError):
                os.close(self._descriptor)  # (its locks go with it)
            self._descriptor = None

    def close(self) -> None:
        self.close_file()
        self._shown = None
