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
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def session_path(db: Path) -> Path:
    """The file whose shared lock says an app holds `db` open."""
    return db.with_name(f".{db.name}.open")


class Session:
    """The shared lock an app holds on its database for as long as it runs."""

    def __init__(self, db: Path) -> None:
        self._descriptor: int | None = None
        if fcntl is None:
            return
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        try:
            descriptor = os.open(session_path(db), flags, 0o644)
        except OSError:
            return  # (a read-only folder, a link in the way: no app is seen, nothing else)
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
        descriptor = os.open(session_path(db), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
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
    """

    def __init__(self, db: Path) -> None:
        self._descriptor: int | None = None
        self._shown: int | None = None
        if fcntl is None:
            return
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        with contextlib.suppress(OSError):  # (a read-only folder: nothing is seen, as before)
            self._descriptor = os.open(viewing_path(db), flags, 0o644)

    def show(self, article_id: int | None) -> None:
        """This app now has `article_id` on screen (None: no article)."""
        if self._descriptor is None or article_id == self._shown:
            return
        with contextlib.suppress(OSError):
            if self._shown is not None:
                fcntl.lockf(self._descriptor, fcntl.LOCK_UN, 1, self._shown)
            self._shown = None
            if article_id is not None and article_id >= 0:
                fcntl.lockf(self._descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB, 1, article_id)
                self._shown = article_id

    def on_screen(self, article_id: int) -> bool:
        """Whether this app or another has `article_id` on screen."""
        if article_id == self._shown:
            return True
        if self._descriptor is None or article_id < 0:
            return False
        try:
            fcntl.lockf(self._descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, article_id)
        except OSError:
            return True  # another process holds it
        with contextlib.suppress(OSError):
            fcntl.lockf(self._descriptor, fcntl.LOCK_UN, 1, article_id)
        return False

    def close(self) -> None:
        if self._descriptor is not None:
            with contextlib.suppress(OSError):
                os.close(self._descriptor)  # (its locks go with it)
            self._descriptor = None
            self._shown = None
